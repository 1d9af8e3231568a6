namespace Scheduler.Runtime.DynamoDB;

/// <summary>Where a silo keeps grain state, reminders and membership (configuration key <c>Cluster:Provider</c>).</summary>
public enum ClusterStorageProvider
{
    /// <summary>One SQLite file on the local disk: the embedded default, one silo per database file.</summary>
    Sqlite,

    /// <summary>DynamoDB tables shared by every silo and gateway of the service: the cluster.</summary>
    DynamoDB,
}
