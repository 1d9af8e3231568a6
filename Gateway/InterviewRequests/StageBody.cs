namespace Scheduler.Gateway.InterviewRequests;

/// <summary>One stage: a single interview or one step of a loop.</summary>
public sealed record StageBody
{
    /// <summary>The stage name, unique within the request, up to 100 characters; default <c>stage1</c>, <c>stage2</c>, ….</summary>
    public string? Name { get; init; }

    /// <summary>Length in minutes, 1–480; required.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>Participant ids who all attend (a panel); each must exist. May be empty when pools are given.</summary>
    public IReadOnlyList<string?>? InterviewerIds { get; init; }

    /// <summary>Pool requirements added to the panel.</summary>
    public IReadOnlyList<PoolSlotBody?>? Pools { get; init; }
}
