using Amazon.DynamoDBv2;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>The silo's DynamoDB client and options, shared by its DynamoDB providers (one client per process).</summary>
internal sealed class DynamoDbConnection : IDisposable
{
    public DynamoDbConnection(DynamoDbOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReminderBucketBits, ReminderBuckets.MinBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ReminderBucketBits, ReminderBuckets.MaxBits);
        Options = options;
        Client = DynamoDbClientFactory.Create(options);
    }

    public DynamoDbOptions Options { get; }

    public AmazonDynamoDBClient Client { get; }

    public void Dispose() => Client.Dispose();
}
