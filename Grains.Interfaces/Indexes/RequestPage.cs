namespace Scheduler.Grains.Indexes;

/// <summary>A page of request summaries.</summary>
/// <param name="Items">The summaries, ordered by creation.</param>
/// <param name="NextCursor">Pass it to get the next page; <see langword="null"/> on the last page.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.RequestPage")]
public sealed record RequestPage([property: Id(0)] IReadOnlyList<RequestSummary> Items, [property: Id(1)] string? NextCursor);
