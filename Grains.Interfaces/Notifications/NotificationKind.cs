namespace Scheduler.Grains.Notifications;

/// <summary>What a notification is about (DESIGN §5 <c>notify</c>, issue "what is notified, to whom").</summary>
[GenerateSerializer, Alias("Scheduler.Grains.NotificationKind")]
public enum NotificationKind
{
    /// <summary>The interview was booked (all attendees; email carries an iTIP REQUEST).</summary>
    Booked,

    /// <summary>The interview moved (all attendees; iTIP REQUEST with a higher SEQUENCE).</summary>
    Rescheduled,

    /// <summary>The interview was cancelled (all attendees; iTIP CANCEL).</summary>
    Cancelled,

    /// <summary>Proposals are ready to choose from (candidate, recruiter).</summary>
    ProposalsReady,

    /// <summary>A reminder before the start (attendees).</summary>
    Reminder,

    /// <summary>No option could be found, with its reason (recruiter).</summary>
    NoAvailability,

    /// <summary>A booked interview conflicts with new busy time and was flagged (recruiter).</summary>
    ConflictFlagged,

    /// <summary>After the interview: a request to submit feedback (interviewers).</summary>
    FeedbackReminder,

    /// <summary>After the interview: thanks and next steps (candidate; only when the tenant's settings ask for it).</summary>
    ThankYou,

    /// <summary>The candidate's prep blocks, as an <c>.ics</c> to add to their own calendar (candidate; when they have no connected calendar).</summary>
    PrepPlan,

    /// <summary>Earlier emailed prep blocks are withdrawn (the interview was cancelled or the plan deleted; candidate).</summary>
    PrepWithdrawn,

    /// <summary>The booked interview's details changed without a move: its video meeting link came after the attendees were told (all attendees; iTIP REQUEST with a higher SEQUENCE).</summary>
    Updated,
}
