using Scheduler.Providers.DynamoDB.Common;

namespace Scheduler.Providers.Tests.DynamoDB;

public sealed class DynamoDBOptionsTests
{
    [Fact]
    public void Defaults_TableNames_AreTheOfficialProviders()
    {
        Assert.Equal("OrleansGrainState", new DynamoDBStorageOptions().TableName);
        Assert.Equal("OrleansSilos", new DynamoDBClusteringOptions().TableName);
        Assert.Equal("OrleansSilos", new DynamoDBGatewayOptions().TableName);
        Assert.Equal("OrleansReminders", new DynamoDBReminderStorageOptions().TableName);
        Assert.True(new DynamoDBStorageOptions().CreateIfNotExists);
        Assert.False(new DynamoDBStorageOptions().UseProvisionedThroughput);
    }

    [Fact]
    public void Validate_DefaultsWithSerializer_Pass()
    {
        new DynamoDBOptionsValidator(new DynamoDBStorageOptions { GrainStorageSerializer = TestSerialization.GrainStorageSerializer }, "storage").ValidateConfiguration();
        new DynamoDBOptionsValidator(new DynamoDBClusteringOptions(), "clustering").ValidateConfiguration();
    }

    [Fact]
    public void Validate_InvalidOptions_NamesEachOption()
    {
        var options = new DynamoDBStorageOptions
        {
            TableName = "x",
            ServiceUrl = "ftp://dynamo",
            AccessKey = "only-the-key",
            MaxErrorRetry = -1,
            TimeToLive = TimeSpan.Zero,
        };

        var error = Assert.Throws<OrleansConfigurationException>(() => new DynamoDBOptionsValidator(options, "DynamoDB grain storage 'Default'").ValidateConfiguration());

        foreach (var name in new[] { "'Default'", "TableName", "ServiceUrl", "AccessKey", "MaxErrorRetry", "TimeToLive", "GrainStorageSerializer" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ProvisionedWithoutCapacity_NamesTheCapacities()
    {
        var options = new DynamoDBReminderStorageOptions { UseProvisionedThroughput = true, ReadCapacityUnits = 0 };

        var error = Assert.Throws<OrleansConfigurationException>(() => new DynamoDBOptionsValidator(options, "reminders").ValidateConfiguration());

        Assert.Contains("ReadCapacityUnits", error.Message, StringComparison.Ordinal);
    }
}
