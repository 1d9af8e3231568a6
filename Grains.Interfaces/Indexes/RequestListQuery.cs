namespace Scheduler.Grains;

/// <summary>A page query over a tenant's requests, ordered by creation (oldest first).</summary>
/// <param name="Status">Only this status; <see langword="null"/> for all.</param>
/// <param name="CandidateId">Only this candidate; <see langword="null"/> for all.</param>
/// <param name="Cursor">The <see cref="RequestPage.NextCursor"/> of the previous page; <see langword="null"/> for the first page.</param>
/// <param name="Limit">Page size, 1–500.</param>
public sealed record RequestListQuery(RequestStatus? Status, string? CandidateId, string? Cursor, int Limit = 50);
