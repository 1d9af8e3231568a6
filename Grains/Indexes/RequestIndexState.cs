namespace Scheduler.Grains.Indexes;

/// <summary>The durable state of a request index grain (JSON).</summary>
public sealed class RequestIndexState
{
    /// <summary>Every summary, in any order.</summary>
    public List<RequestSummary> Items { get; set; } = [];
}
