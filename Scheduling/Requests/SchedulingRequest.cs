using Scheduler.Scheduling.Learning;

namespace Scheduler.Scheduling.Requests;

/// <summary>
/// An interview request as the engine sees it: who, how long, when. Every participant it names (candidate,
/// panel interviewers, pool members) must be supplied as a <see cref="ParticipantAvailabilityInput"/>.
/// </summary>
/// <param name="CandidateId">The candidate's participant id; the candidate attends every stage.</param>
/// <param name="Stages">One stage for a single interview, several (in order) for a loop; at least one.</param>
/// <param name="Window">The UTC range every stage must lie inside.</param>
public sealed record SchedulingRequest(string CandidateId, IReadOnlyList<StageRequest> Stages, TimeInterval Window)
{
    /// <summary>The request's key, echoed in batch results; may be empty for a single request.</summary>
    public string RequestId { get; init; } = "";

    /// <summary>No stage may start earlier than "now" plus this many minutes (0 or more).</summary>
    public int MinimumNoticeMinutes { get; init; }

    /// <summary>First-stage starts are aligned to this many minutes from local midnight in the candidate's zone; must divide 1440. Default 15.</summary>
    public int SlotGranularityMinutes { get; init; } = 15;

    /// <summary>The most proposals to return (1 or more). Default 5.</summary>
    public int MaxProposals { get; init; } = 5;

    /// <summary>Weekly local times (candidate's zone) the candidate prefers; scored unless <see cref="CandidatePreferredTimesRequired"/>.</summary>
    public IReadOnlyList<WeeklyTimeRule> CandidatePreferredTimes { get; init; } = [];

    /// <summary>
    /// When <see langword="true"/> the candidate's preferred times are a hard constraint (the candidate is only
    /// available then) rather than a preference. Default <see langword="false"/> (DESIGN.md §4: preferences are soft).
    /// </summary>
    public bool CandidatePreferredTimesRequired { get; init; }

    /// <summary>How the stages of a loop follow each other (ignored for one stage).</summary>
    public SequencingRules Sequencing { get; init; } = SequencingRules.Default;

    /// <summary>The trailing window, in days before "now", over which pool members' bookings are counted for fairness (1 or more). Default 28.</summary>
    public int PoolFairnessWindowDays { get; init; } = 28;

    /// <summary>
    /// When set, the participants' <see cref="ParticipantAvailabilityInput.PreferenceHistory"/> is aged with its
    /// half-life and scored (<c>learnedPreference</c>, at most ±8 points); <see langword="null"/> (the default) ignores it.
    /// </summary>
    public PreferenceLearningOptions? PreferenceLearning { get; init; }
}
