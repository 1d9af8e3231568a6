namespace Scheduler.Grains.Indexes;

/// <summary>The durable state of a request index directory (JSON).</summary>
public sealed class RequestIndexDirectoryState
{
    /// <summary>The UTC days with at least one request, oldest first.</summary>
    public List<DateOnly> Days { get; set; } = [];
}
