namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// The storage choice of the <c>Cluster</c> configuration section. The same section also binds
/// <see cref="Hosting.SiloOptions"/> (service id, cluster id, silo name, timeouts); its
/// subsections <c>DynamoDB</c> and <c>Membership</c> bind <see cref="DynamoDbOptions"/> and
/// <see cref="Membership.MembershipOptions"/>.
/// </summary>
public sealed class ClusterProviderOptions
{
    /// <summary>The configuration section: <c>Cluster</c>.</summary>
    public const string SectionName = "Cluster";

    /// <summary>The subsection holding <see cref="DynamoDbOptions"/>: <c>Cluster:DynamoDB</c>.</summary>
    public const string DynamoDbSectionName = "DynamoDB";

    /// <summary>Where grain state, reminders and membership live. Default <see cref="ClusterStorageProvider.Sqlite"/>.</summary>
    public ClusterStorageProvider Provider { get; set; } = ClusterStorageProvider.Sqlite;
}
