using Scheduler.Gateway.PrepPlans;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The body of <c>POST /v1/interview-requests</c> (and each item of a batch).</summary>
public sealed record InterviewRequestBody
{
    /// <summary>The caller's id (ATS id), 1–200 characters; posting it again returns the same request.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The candidate's participant id; required, must exist.</summary>
    public string? CandidateId { get; init; }

    /// <summary>The stages in order; 1–10.</summary>
    public IReadOnlyList<StageBody?>? Stages { get; init; }

    /// <summary>The search window; required, end after start, at most 90 days, ending in the future.</summary>
    public TimeRangeBody? Window { get; init; }

    /// <summary>Least minutes between now and the first stage, 0–43200; default 0.</summary>
    public int? MinimumNoticeMinutes { get; init; }

    /// <summary>Start alignment in minutes after local midnight of the candidate; divides 1440; default 15.</summary>
    public int? SlotGranularityMinutes { get; init; }

    /// <summary>How many proposals to offer, 1–20; default 5.</summary>
    public int? MaxProposals { get; init; }

    /// <summary><c>propose</c> (wait for the candidate's selection; default) or <c>autoBook</c>.</summary>
    public SchedulingMode? Mode { get; init; }

    /// <summary>The candidate's soft preferences.</summary>
    public CandidatePreferencesBody? CandidatePreferences { get; init; }

    /// <summary>Loop sequencing.</summary>
    public SequencingBody? Sequencing { get; init; }

    /// <summary><c>none</c> (default), <c>googleMeet</c> or <c>teams</c>.</summary>
    public string? Conferencing { get; init; }

    /// <summary>Notification channels.</summary>
    public NotifyBody? Notify { get; init; }

    /// <summary>Reminder offsets in minutes before the interview, each 1–10080, at most 10; default [1440, 120].</summary>
    public IReadOnlyList<int>? Reminders { get; init; }

    /// <summary>The candidate's prep plan settings, optional: once booked, the request plans prep with them (as <c>POST …/prep-plan</c> would), and they are that route's defaults.</summary>
    public PrepPlanBody? Prep { get; init; }

    /// <summary><c>reschedule</c> (default) or <c>flag</c>: what happens when a calendar change conflicts with the booking.</summary>
    public ConflictPolicy? ConflictPolicy { get; init; }

    /// <summary>
    /// How long an offer of a <c>firstToAccept</c> pool seat stays open, minutes, 10–10080; default 240. An offer
    /// always closes at least 30 minutes before the interview.
    /// </summary>
    public int? PoolOfferMinutes { get; init; }
}
