namespace Scheduler.Gateway.InterviewRequests;

/// <summary>How the stages of a loop are sequenced.</summary>
public sealed record SequencingBody
{
    /// <summary>Whether all stages fall on one local day of the candidate; default <see langword="true"/>.</summary>
    public bool? SameDay { get; init; }

    /// <summary>Least gap between stages, minutes, 0–1440; default 0.</summary>
    public int? MinGapMinutes { get; init; }

    /// <summary>Largest gap between stages, minutes, at least <c>minGapMinutes</c>, at most 1440; default 60.</summary>
    public int? MaxGapMinutes { get; init; }
}
