namespace Scheduler.Grains.Indexes;

/// <summary>A page of a tenant's participants or pools, ordered by id.</summary>
/// <typeparam name="T"><see cref="ParticipantSummary"/> or <see cref="PoolSummary"/>.</typeparam>
/// <param name="Items">The summaries, ordered by id (ordinal).</param>
/// <param name="NextCursor">Pass it to get the next page; <see langword="null"/> on the last page.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.DirectoryPage`1")]
public sealed record DirectoryPage<T>([property: Id(0)] IReadOnlyList<T> Items, [property: Id(1)] string? NextCursor);
