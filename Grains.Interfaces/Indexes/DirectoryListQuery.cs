using Scheduler.Grains.Participants;

namespace Scheduler.Grains.Indexes;

/// <summary>A page query over a tenant's participants or pools, ordered by id (ordinal).</summary>
/// <param name="Kind">Only participants of this kind; <see langword="null"/> for all (ignored for pools).</param>
/// <param name="Cursor">The <c>NextCursor</c> of the previous page (the last id it listed); <see langword="null"/> for the first page.</param>
/// <param name="Limit">Page size, 1–500.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.DirectoryListQuery")]
public sealed record DirectoryListQuery([property: Id(0)] ParticipantKind? Kind, [property: Id(1)] string? Cursor, [property: Id(2)] int Limit = 100);
