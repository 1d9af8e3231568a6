namespace Scheduler.Grains.Notifications;

/// <summary>One persisted message of the outbox (JSON in the grain state).</summary>
public sealed class OutboxEntry
{
    /// <summary>The exactly-once key.</summary>
    public required string Key { get; set; }

    /// <summary>The notification it belongs to (stored so a retry after a restart composes the same message).</summary>
    public required InterviewNotification Notification { get; set; }

    /// <summary>The recipient.</summary>
    public required NotificationRecipient Recipient { get; set; }

    /// <summary>The channel.</summary>
    public NotificationChannel Channel { get; set; }

    /// <summary>Where it stands.</summary>
    public NotificationStatus Status { get; set; }

    /// <summary>When it was persisted; also the invite's <c>DTSTAMP</c>, so every attempt sends identical content.</summary>
    public DateTimeOffset EnqueuedAt { get; set; }

    /// <summary>Attempts started so far (an attempt is counted before it is made).</summary>
    public int Attempts { get; set; }

    /// <summary>The earliest time of the next attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The email Message-ID (known from the start) or the Slack <c>ts</c> (known once posted).</summary>
    public string? MessageId { get; set; }

    /// <summary>The Slack channel id Slack reported (for later <c>chat.update</c>).</summary>
    public string? SlackChannel { get; set; }

    /// <summary>The last failure or skip reason.</summary>
    public string? LastError { get; set; }

    /// <summary>The public view of this entry.</summary>
    /// <returns>The record.</returns>
    public NotificationRecord ToRecord() =>
        new(Key, Notification.Kind, Notification.Sequence, Recipient.Id, Channel, Status, EnqueuedAt, Attempts, SentAt, MessageId, LastError);
}
