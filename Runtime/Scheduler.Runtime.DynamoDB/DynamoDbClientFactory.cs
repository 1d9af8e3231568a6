using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>Creates DynamoDB clients from <see cref="DynamoDbOptions"/>.</summary>
public static class DynamoDbClientFactory
{
    /// <summary>The access key and secret used for a local endpoint (dynalite accepts any).</summary>
    public const string LocalCredential = "local";

    /// <summary>
    /// Creates a client. Throttling (<c>ProvisionedThroughputExceededException</c>,
    /// <c>ThrottlingException</c>) and transient errors (5xx, timeouts) are retried by the SDK in
    /// its standard retry mode, <see cref="DynamoDbOptions.MaxErrorRetry"/> times, with
    /// exponential backoff and jitter.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>A client; the caller disposes it.</returns>
    /// <exception cref="ArgumentException">The region name is empty.</exception>
    public static AmazonDynamoDBClient Create(DynamoDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Region);
        var config = new AmazonDynamoDBConfig
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = options.MaxErrorRetry,
        };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        var local = options.UseLocalCredentials ?? !string.IsNullOrEmpty(options.ServiceUrl);
        return local
            ? new AmazonDynamoDBClient(new BasicAWSCredentials(LocalCredential, LocalCredential), config)
            : new AmazonDynamoDBClient(config);
    }
}
