using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Indexes;

/// <summary>What a dashboard lists about a request.</summary>
/// <param name="Id">The request id (without tenant).</param>
/// <param name="ExternalId">The caller's id; may be <see langword="null"/>.</param>
/// <param name="CandidateId">The candidate's participant id.</param>
/// <param name="Status">The status.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Version">The request's version; older versions never overwrite newer ones in the index.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.RequestSummary")]
public sealed record RequestSummary([property: Id(0)] string Id, [property: Id(1)] string? ExternalId, [property: Id(2)] string CandidateId, [property: Id(3)] RequestStatus Status, [property: Id(4)] DateTimeOffset CreatedAt, [property: Id(5)] DateTimeOffset UpdatedAt, [property: Id(6)] long Version)
{
    /// <summary>The interviewers named in the stages and, once booked, the pool members chosen; empty in summaries stored before they were recorded.</summary>
    [Id(7)]
    public IReadOnlyList<string> InterviewerIds { get; init; } = [];

    /// <summary>The pools the stages draw from; empty in summaries stored before they were recorded.</summary>
    [Id(8)]
    public IReadOnlyList<string> PoolIds { get; init; } = [];
}
