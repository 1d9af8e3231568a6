namespace Scheduler.Gateway.InterviewRequests;

/// <summary>A stage's need for members of an interviewer pool.</summary>
public sealed record PoolSlotBody
{
    /// <summary>The pool id; must exist.</summary>
    public string? PoolId { get; init; }

    /// <summary>How many members attend, 1–20; default 1.</summary>
    public int? Count { get; init; }
}
