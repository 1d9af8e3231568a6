namespace Scheduler.Providers.DynamoDB.DataProtection;

/// <summary>Options of <see cref="DynamoDBXmlRepository"/>, the shared Data Protection key ring; the table is <see cref="DefaultTableName"/> unless set.</summary>
public sealed class DynamoDBKeyRingOptions() : DynamoDBTableOptions(DefaultTableName)
{
    /// <summary>The default table name. The official Orleans providers have no key ring table, so this one is ours.</summary>
    public const string DefaultTableName = "SchedulerDataProtectionKeys";

    /// <summary>
    /// The partition of the ring: every silo and gateway with the same value shares one ring.
    /// <see langword="null"/> (the default) takes Orleans' <c>ClusterOptions.ServiceId</c>.
    /// </summary>
    public string? ServiceId { get; set; }
}
