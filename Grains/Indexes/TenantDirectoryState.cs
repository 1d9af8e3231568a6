namespace Scheduler.Grains.Indexes;

/// <summary>The durable state of a tenant directory shard (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Indexes.TenantDirectoryState")]
public sealed class TenantDirectoryState
{
    /// <summary>The participants' summaries, in any order.</summary>
    [Id(0)]
    public List<ParticipantSummary> Participants { get; set; } = [];

    /// <summary>The pools' summaries, in any order.</summary>
    [Id(1)]
    public List<PoolSummary> Pools { get; set; } = [];
}
