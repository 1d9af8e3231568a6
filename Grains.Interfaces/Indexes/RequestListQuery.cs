using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Indexes;

/// <summary>A page query over a tenant's requests, ordered by creation (oldest first).</summary>
/// <param name="Status">Only this status; <see langword="null"/> for all.</param>
/// <param name="CandidateId">Only this candidate; <see langword="null"/> for all.</param>
/// <param name="Cursor">The <see cref="RequestPage.NextCursor"/> of the previous page; <see langword="null"/> for the first page.</param>
/// <param name="Limit">Page size, 1–500.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.RequestListQuery")]
public sealed record RequestListQuery([property: Id(0)] RequestStatus? Status, [property: Id(1)] string? CandidateId, [property: Id(2)] string? Cursor, [property: Id(3)] int Limit = 50)
{
    /// <summary>Only requests that name this interviewer in a stage or booked them from a pool; <see langword="null"/> for all.</summary>
    [Id(4)]
    public string? InterviewerId { get; init; }

    /// <summary>Only requests with a stage drawing from this pool; <see langword="null"/> for all.</summary>
    [Id(5)]
    public string? PoolId { get; init; }

    /// <summary>Only requests submitted at or after this instant; <see langword="null"/> for no lower bound.</summary>
    [Id(6)]
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only requests submitted before this instant (exclusive); <see langword="null"/> for no upper bound.</summary>
    [Id(7)]
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Whether a summary passes every filter of this query except <see cref="Status"/> (the cursor and limit are not filters).</summary>
    /// <param name="item">The summary.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public bool MatchesIgnoringStatus(RequestSummary item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (CandidateId is null || item.CandidateId == CandidateId)
            && (InterviewerId is null || item.InterviewerIds.Contains(InterviewerId, StringComparer.Ordinal))
            && (PoolId is null || item.PoolIds.Contains(PoolId, StringComparer.Ordinal))
            && (CreatedFrom is not { } from || item.CreatedAt >= from)
            && (CreatedBefore is not { } before || item.CreatedAt < before);
    }

    /// <summary>Whether a summary passes every filter of this query.</summary>
    /// <param name="item">The summary.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public bool Matches(RequestSummary item) => MatchesIgnoringStatus(item) && (Status is not { } status || item.Status == status);

    /// <summary>Whether the UTC creation day can hold matching requests, by <see cref="CreatedFrom"/> and <see cref="CreatedBefore"/>.</summary>
    /// <param name="day">A UTC day of the index.</param>
    /// <returns><see langword="false"/> when the whole day lies outside the creation range.</returns>
    public bool MayMatchDay(DateOnly day) =>
        (CreatedFrom is not { } from || day >= DateOnly.FromDateTime(from.UtcDateTime))
        && (CreatedBefore is not { } before || day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) < before.UtcDateTime);
}
