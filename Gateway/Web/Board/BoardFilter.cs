using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Web.Board;

/// <summary>The filters of the requests board, as a person types them.</summary>
public sealed class BoardFilter
{
    /// <summary>Only this status; <see langword="null"/> for all.</summary>
    public RequestStatus? Status { get; set; }

    /// <summary>Only this candidate's requests (a participant id); empty for all.</summary>
    public string? CandidateId { get; set; }

    /// <summary>Only requests with this interviewer (a participant id); empty for all.</summary>
    public string? InterviewerId { get; set; }

    /// <summary>Only requests drawing from this pool (a pool id); empty for all.</summary>
    public string? PoolId { get; set; }

    /// <summary>Only requests submitted on or after this UTC day; <see langword="null"/> for no lower bound.</summary>
    public DateOnly? SubmittedFrom { get; set; }

    /// <summary>Only requests submitted on or before this UTC day; <see langword="null"/> for no upper bound.</summary>
    public DateOnly? SubmittedTo { get; set; }

    /// <summary>A copy, so the filters being typed do not change the ones applied.</summary>
    /// <returns>The copy.</returns>
    public BoardFilter Copy() => (BoardFilter)MemberwiseClone();

    /// <summary>Checks the filters by the API's rules for ids (<see cref="FieldRules.IsValidId"/>).</summary>
    /// <returns>One message per invalid field, keyed by the field's label; empty when valid.</returns>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckId(errors, "Candidate", CandidateId);
        CheckId(errors, "Interviewer", InterviewerId);
        CheckId(errors, "Pool", PoolId);
        if (SubmittedFrom is { } from && SubmittedTo is { } to && to < from)
        {
            errors["Submitted to"] = "On or after the first day.";
        }

        return errors;
    }

    /// <summary>The index query of these filters.</summary>
    /// <param name="cursor">The cursor of the page; <see langword="null"/> for the first.</param>
    /// <param name="limit">The page size, 1–500.</param>
    /// <returns>The query (the upper day is inclusive, so the bound is the start of the next day).</returns>
    public RequestListQuery ToQuery(string? cursor, int limit) => new(Status, OrNull(CandidateId), cursor, limit)
    {
        InterviewerId = OrNull(InterviewerId),
        PoolId = OrNull(PoolId),
        CreatedFrom = SubmittedFrom is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        CreatedBefore = SubmittedTo is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
    };

    private static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckId(Dictionary<string, string> errors, string label, string? value)
    {
        if (OrNull(value) is { } id && !FieldRules.IsValidId(id))
        {
            errors[label] = "Not a valid id.";
        }
    }
}
