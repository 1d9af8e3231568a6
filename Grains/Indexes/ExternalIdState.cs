namespace Scheduler.Grains.Indexes;

/// <summary>The durable state of an external id grain (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Indexes.ExternalIdState")]
public sealed class ExternalIdState
{
    /// <summary>The owning request id; <see langword="null"/> until claimed.</summary>
    [Id(0)]
    public string? RequestId { get; set; }
}
