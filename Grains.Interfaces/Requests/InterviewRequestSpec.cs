using Scheduler.Grains.Prep;

namespace Scheduler.Grains.Requests;

/// <summary>An interview request as submitted (DESIGN.md §5). The request id is the grain key.</summary>
/// <param name="CandidateId">The candidate's participant id (without tenant).</param>
/// <param name="Stages">The stages, in order; at least one.</param>
/// <param name="Window">The search window; end after start, at most 90 days.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.InterviewRequestSpec")]
public sealed record InterviewRequestSpec([property: Id(0)] string CandidateId, [property: Id(1)] IReadOnlyList<StageSpec> Stages, [property: Id(2)] TimeRange Window)
{
    /// <summary>The caller's id for idempotency (ATS id); may be <see langword="null"/>.</summary>
    [Id(3)]
    public string? ExternalId { get; init; }

    /// <summary>Least time between now and the first stage, minutes, 0 or more.</summary>
    [Id(4)]
    public int MinimumNoticeMinutes { get; init; }

    /// <summary>Start alignment in minutes after local midnight (candidate's zone); must divide 1440. Default 15.</summary>
    [Id(5)]
    public int SlotGranularityMinutes { get; init; } = 15;

    /// <summary>How many proposals to offer, 1–20. Default 5.</summary>
    [Id(6)]
    public int MaxProposals { get; init; } = 5;

    /// <summary>Propose or book directly.</summary>
    [Id(7)]
    public SchedulingMode Mode { get; init; } = SchedulingMode.Propose;

    /// <summary>The candidate's preferred times (soft) in the candidate's zone.</summary>
    [Id(8)]
    public IReadOnlyList<WeeklyHours> CandidatePreferredTimes { get; init; } = [];

    /// <summary>Loop sequencing.</summary>
    [Id(9)]
    public SequencingSpec Sequencing { get; init; } = new();

    /// <summary>
    /// Conferencing: <c>none</c>, <c>googleMeet</c> or <c>teams</c>. One meeting per stage, made by the calendar of the stage's
    /// first interviewer with a connected account of that provider (Google for Meet, Microsoft 365 for Teams); its link is
    /// kept on the booked stage (<see cref="ScheduledStageView.ConferenceUrl"/>).
    /// </summary>
    [Id(10)]
    public string Conferencing { get; init; } = "none";

    /// <summary>Notification channels.</summary>
    [Id(11)]
    public NotifySpec Notify { get; init; } = new();

    /// <summary>Reminder offsets in minutes before the interview. Default 1440 and 120.</summary>
    [Id(12)]
    public IReadOnlyList<int> Reminders { get; init; } = [1440, 120];

    /// <summary>
    /// The candidate's prep plan settings, or <see langword="null"/> for none: once the interview is booked the request
    /// plans prep with them (<see cref="IPrepPlanGrain"/>), and re-plans when the interview moves.
    /// </summary>
    [Id(13)]
    public PrepSpec? Prep { get; init; }

    /// <summary>What to do when a booked interview gets a calendar conflict.</summary>
    [Id(14)]
    public ConflictPolicy ConflictPolicy { get; init; } = ConflictPolicy.Reschedule;

    /// <summary>
    /// How long a first-to-accept pool offer stays open, minutes, 10–10080 (a week); <see langword="null"/> for the
    /// default of 240 (4 h). An offer always closes at least 30 minutes before the interview starts, whichever is earlier.
    /// </summary>
    [Id(15)]
    public int? PoolOfferMinutes { get; init; }

    /// <summary>
    /// For auto-book requests of a batch: wait briefly for the batch planner's hint before
    /// negotiating (see <see cref="IInterviewRequestGrain.ReceiveBatchPlan"/>). Without a hint the
    /// request starts on its own after a short deadline (5 s), or from its durable reminder after a
    /// crash. Set by the Gateway's batch endpoint, not part of the HTTP body.
    /// </summary>
    [Id(16)]
    public bool AwaitBatchPlan { get; init; }
}
