namespace Scheduler.Hosting;

/// <summary>Where a cluster keeps membership, grain state and reminders (<c>Cluster:Provider</c>).</summary>
public enum ClusterProvider
{
    /// <summary>One embedded silo: SQLite under the data directory, localhost clustering.</summary>
    Sqlite,

    /// <summary>Several silos: membership, grain state and reminders in DynamoDB (section <c>Cluster:DynamoDB</c>).</summary>
    DynamoDB,
}
