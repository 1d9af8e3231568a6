namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The body of <c>POST /v1/interview-requests/{id}/selection</c>: the candidate's choice.</summary>
public sealed record SelectionBody
{
    /// <summary>The id of a current proposal (e.g. <c>p1</c>); required.</summary>
    public string? ProposalId { get; init; }
}
