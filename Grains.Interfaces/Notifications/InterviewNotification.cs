namespace Scheduler.Grains.Notifications;

/// <summary>
/// One event to announce for an interview, handed to <see cref="INotificationOutboxGrain.Enqueue"/>. The outbox
/// fans it out into one message per recipient and channel, each sent exactly once per
/// (request, <see cref="Kind"/>, recipient, <see cref="Sequence"/>, reminder offset).
/// </summary>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.InterviewNotification")]
public sealed record InterviewNotification
{
    /// <summary>What happened.</summary>
    [Id(0)]
    public required NotificationKind Kind { get; init; }

    /// <summary>
    /// The interview's revision: 0 when first booked, +1 on every reschedule and on the cancellation. It is the
    /// invite's <c>SEQUENCE</c> (RFC 5545 §3.8.7.4) and part of the exactly-once key; 0 or more.
    /// </summary>
    [Id(1)]
    public int Sequence { get; init; }

    /// <summary>The interview title (invite <c>SUMMARY</c>), e.g. "Interview: Ada Lovelace – screen".</summary>
    [Id(2)]
    public required string Title { get; init; }

    /// <summary>Start and end of the interview; required for booked, rescheduled, cancelled, reminder, conflict and follow-up notifications.</summary>
    [Id(3)]
    public TimeRange? Slot { get; init; }

    /// <summary>The previous slot of a rescheduled interview, shown as "was …"; optional.</summary>
    [Id(4)]
    public TimeRange? PreviousSlot { get; init; }

    /// <summary>Proposed slots (proposals ready), in the order offered.</summary>
    [Id(5)]
    public IReadOnlyList<TimeRange> Proposals { get; init; } = [];

    /// <summary>Why (no availability, conflict, cancellation), shown to the recipient; optional.</summary>
    [Id(6)]
    public string? Reason { get; init; }

    /// <summary>Free text from the tenant shown to the recipient (the next steps of a thank-you), plain text; optional.</summary>
    [Id(7)]
    public string? Note { get; init; }

    /// <summary>Location or meeting room; optional.</summary>
    [Id(8)]
    public string? Location { get; init; }

    /// <summary>Video-call or request link, an absolute http(s) URL; optional.</summary>
    [Id(9)]
    public string? Url { get; init; }

    /// <summary>For <see cref="NotificationKind.Reminder"/>: how many minutes before the start it is meant for (part of the key).</summary>
    [Id(10)]
    public int? ReminderMinutes { get; init; }

    /// <summary>Who receives it; each with an email address and/or a Slack target.</summary>
    [Id(11)]
    public required IReadOnlyList<NotificationRecipient> Recipients { get; init; }

    /// <summary>
    /// Who attends (the invite's <c>ATTENDEE</c>s, RFC 5545 §3.8.4.1); when empty, the recipients whose role is
    /// candidate or interviewer.
    /// </summary>
    [Id(12)]
    public IReadOnlyList<NotificationRecipient> Attendees { get; init; } = [];

    /// <summary>
    /// For <see cref="NotificationKind.PrepPlan"/>: the prep blocks (UTC), in order; block <c>i</c> is the calendar event
    /// with the <c>i</c>-th prep UID of the request, so a later plan replaces it.
    /// </summary>
    [Id(13)]
    public IReadOnlyList<TimeRange> PrepBlocks { get; init; } = [];

    /// <summary>
    /// For <see cref="NotificationKind.PrepPlan"/> and <see cref="NotificationKind.PrepWithdrawn"/>: earlier emailed
    /// blocks (UTC) that are withdrawn, which were the prep UIDs <c>PrepBlocks.Count</c> onwards, in order.
    /// </summary>
    [Id(14)]
    public IReadOnlyList<TimeRange> PrepWithdrawnBlocks { get; init; } = [];

    /// <summary>
    /// For <see cref="NotificationKind.ProposalsReady"/>: the request's proposal ids of <see cref="Proposals"/>, in the same
    /// order, so a choice names the proposal itself; empty when not known (then a choice names its position).
    /// </summary>
    [Id(15)]
    public IReadOnlyList<string> ProposalIds { get; init; } = [];
}
