namespace Scheduler.Grains.Indexes;

/// <summary>The durable state of a request index grain (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Indexes.RequestIndexState")]
public sealed class RequestIndexState
{
    /// <summary>Every summary, in any order.</summary>
    [Id(0)]
    public List<RequestSummary> Items { get; set; } = [];
}
