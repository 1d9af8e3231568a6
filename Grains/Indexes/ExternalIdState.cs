namespace Scheduler.Grains.Indexes;

/// <summary>The durable state of an external id grain (JSON).</summary>
public sealed class ExternalIdState
{
    /// <summary>The owning request id; <see langword="null"/> until claimed.</summary>
    public string? RequestId { get; set; }
}
