namespace Scheduler.Grains.Notifications;

/// <summary>
/// The durable outbox of one interview request, key <c>{tenant}/{requestId}</c>. Every notification is persisted
/// before it is sent, retried with backoff (driven by a durable reminder) until delivered, and delivered exactly once
/// per (request, kind, recipient, channel, sequence, reminder offset).
/// </summary>
[Alias("Scheduler.Grains.INotificationOutboxGrain")]
public interface INotificationOutboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Persists one message per recipient and channel, then starts delivering them in the background. Idempotent:
    /// a message whose key is already in the outbox is left as it is.
    /// </summary>
    /// <param name="notification">What to announce and to whom.</param>
    /// <returns>The outbox records of this notification (new or existing), in recipient order.</returns>
    /// <exception cref="ArgumentException">The notification lacks a slot it needs, a recipient has neither email nor Slack target, or the sequence is negative.</exception>
    [Alias("Enqueue")]
    Task<IReadOnlyList<NotificationRecord>> Enqueue(InterviewNotification notification);

    /// <summary>Records, without sending, that a notification was skipped (e.g. a reminder that fired after the start).</summary>
    /// <param name="notification">The notification that is not sent.</param>
    /// <param name="reason">Why it was skipped.</param>
    /// <returns>The records written (existing keys are left unchanged).</returns>
    [Alias("RecordSkipped")]
    Task<IReadOnlyList<NotificationRecord>> RecordSkipped(InterviewNotification notification, string reason);

    /// <summary>Tries every pending message whose retry time has come, now.</summary>
    /// <returns>How many messages are still pending afterwards.</returns>
    [Alias("DeliverDue")]
    Task<int> DeliverDue();

    /// <summary>The request's notification history: every record, oldest first.</summary>
    /// <returns>The records.</returns>
    [Alias("GetHistory")]
    Task<IReadOnlyList<NotificationRecord>> GetHistory();
}
