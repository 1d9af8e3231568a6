using Scheduler.Grains.Notifications;

namespace Scheduler.Grains.Requests;

/// <summary>
/// A notification the request has decided on but not yet handed to its outbox. It is written with the transition
/// that caused it, so a crash between the two loses nothing; the outbox's keys make handing it over twice harmless.
/// </summary>
[GenerateSerializer, Alias("Scheduler.Grains.Requests.PendingNotice")]
public sealed class PendingNotice
{
    /// <summary>What to announce.</summary>
    [Id(0)]
    public NotificationKind Kind { get; set; }

    /// <summary>Who receives it.</summary>
    [Id(1)]
    public NoticeAudience Audience { get; set; }

    /// <summary>The outbox sequence (interview revision, or the transition number for recruiter notices).</summary>
    [Id(2)]
    public int Sequence { get; set; }

    /// <summary>The interview slot, when there is one.</summary>
    [Id(3)]
    public TimeRange? Slot { get; set; }

    /// <summary>The previous slot of a rescheduled interview.</summary>
    [Id(4)]
    public TimeRange? PreviousSlot { get; set; }

    /// <summary>The proposed slots (proposals ready), in proposal order.</summary>
    [Id(5)]
    public List<TimeRange> Proposals { get; set; } = [];

    /// <summary>Why (no availability, conflict, cancellation).</summary>
    [Id(6)]
    public string? Reason { get; set; }

    /// <summary>The tenant's free text for the recipient (thank-you next steps).</summary>
    [Id(7)]
    public string? Note { get; set; }

    /// <summary>For reminders: minutes before the start.</summary>
    [Id(8)]
    public int? ReminderMinutes { get; set; }

    /// <summary>When set, the notice is recorded as skipped with this reason instead of being sent.</summary>
    [Id(9)]
    public string? SkipReason { get; set; }

    /// <summary>The booked stages, for the title and the interviewer list.</summary>
    [Id(10)]
    public List<ScheduledStageView> Stages { get; set; } = [];

    /// <summary>
    /// When set, the notice waits until then for the video meeting links of <see cref="RequestState.ConferenceStarts"/>
    /// (kept on <see cref="Stages"/> as they come), so the attendees get them with it; it goes at once when they are all
    /// there or the interview was announced again after it (rescheduled, updated or cancelled).
    /// </summary>
    [Id(11)]
    public DateTimeOffset? AwaitLinksUntil { get; set; }

    /// <summary>The ids of <see cref="Proposals"/>, in the same order (empty in notices stored before ids were kept).</summary>
    [Id(12)]
    public List<string> ProposalIds { get; set; } = [];
}
