namespace Scheduler.Grains.Indexes;

/// <summary>The durable state of a request index directory (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Indexes.RequestIndexDirectoryState")]
public sealed class RequestIndexDirectoryState
{
    /// <summary>The UTC days with at least one request, oldest first.</summary>
    [Id(0)]
    public List<DateOnly> Days { get; set; } = [];
}
