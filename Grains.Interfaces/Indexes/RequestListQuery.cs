using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Indexes;

/// <summary>A page query over a tenant's requests, ordered by creation (oldest first).</summary>
/// <param name="Status">Only this status; <see langword="null"/> for all.</param>
/// <param name="CandidateId">Only this candidate; <see langword="null"/> for all.</param>
/// <param name="Cursor">The <see cref="RequestPage.NextCursor"/> of the previous page; <see langword="null"/> for the first page.</param>
/// <param name="Limit">Page size, 1–500.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.RequestListQuery")]
public sealed record RequestListQuery([property: Id(0)] RequestStatus? Status, [property: Id(1)] string? CandidateId, [property: Id(2)] string? Cursor, [property: Id(3)] int Limit = 50);
