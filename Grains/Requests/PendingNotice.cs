namespace Scheduler.Grains.Requests;

/// <summary>
/// A notification the request has decided on but not yet handed to its outbox. It is written with the transition
/// that caused it, so a crash between the two loses nothing; the outbox's keys make handing it over twice harmless.
/// </summary>
public sealed class PendingNotice
{
    /// <summary>What to announce.</summary>
    public NotificationKind Kind { get; set; }

    /// <summary>Who receives it.</summary>
    public NoticeAudience Audience { get; set; }

    /// <summary>The outbox sequence (interview revision, or the transition number for recruiter notices).</summary>
    public int Sequence { get; set; }

    /// <summary>The interview slot, when there is one.</summary>
    public TimeRange? Slot { get; set; }

    /// <summary>The previous slot of a rescheduled interview.</summary>
    public TimeRange? PreviousSlot { get; set; }

    /// <summary>The proposed slots (proposals ready), in proposal order.</summary>
    public List<TimeRange> Proposals { get; set; } = [];

    /// <summary>Why (no availability, conflict, cancellation).</summary>
    public string? Reason { get; set; }

    /// <summary>The tenant's free text for the recipient (thank-you next steps).</summary>
    public string? Note { get; set; }

    /// <summary>For reminders: minutes before the start.</summary>
    public int? ReminderMinutes { get; set; }

    /// <summary>When set, the notice is recorded as skipped with this reason instead of being sent.</summary>
    public string? SkipReason { get; set; }

    /// <summary>The booked stages, for the title and the interviewer list.</summary>
    public List<ScheduledStageView> Stages { get; set; } = [];
}
