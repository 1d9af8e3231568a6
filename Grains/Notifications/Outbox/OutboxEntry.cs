using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Notifications.Outbox;

/// <summary>One persisted message of the outbox (JSON in the grain state).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.OutboxEntry")]
public sealed class OutboxEntry : IRetryItem
{
    /// <summary>The exactly-once key.</summary>
    [Id(0)]
    public required string Key { get; set; }

    /// <summary>The notification it belongs to (stored so a retry after a restart composes the same message).</summary>
    [Id(1)]
    public required InterviewNotification Notification { get; set; }

    /// <summary>The recipient.</summary>
    [Id(2)]
    public required NotificationRecipient Recipient { get; set; }

    /// <summary>The channel.</summary>
    [Id(3)]
    public NotificationChannel Channel { get; set; }

    /// <summary>Where it stands.</summary>
    [Id(4)]
    public NotificationStatus Status { get; set; }

    /// <summary>When it was persisted; also the invite's <c>DTSTAMP</c>, so every attempt sends identical content.</summary>
    [Id(5)]
    public DateTimeOffset EnqueuedAt { get; set; }

    /// <summary>When it was accepted.</summary>
    [Id(8)]
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The email Message-ID (known from the start) or the Slack <c>ts</c> (known once posted).</summary>
    [Id(9)]
    public string? MessageId { get; set; }

    /// <summary>The Slack channel id Slack reported (for later <c>chat.update</c>).</summary>
    [Id(10)]
    public string? SlackChannel { get; set; }

    /// <inheritdoc />
    [Id(12)]
    public RetryState Retry { get; set; } = new();

    /// <summary>Why it was skipped without an attempt; <see langword="null"/> otherwise.</summary>
    [Id(13)]
    public string? SkipReason { get; set; }

    /// <inheritdoc />
    public bool HasWork => Status == NotificationStatus.Pending;

    /// <summary>The public view of this entry; a skipped entry says why it was skipped, even after failed attempts.</summary>
    /// <returns>The record.</returns>
    public NotificationRecord ToRecord() =>
        new(Key, Notification.Kind, Notification.Sequence, Recipient.Id, Channel, Status, EnqueuedAt, Retry.Attempts, SentAt, MessageId,
            Status == NotificationStatus.Skipped ? SkipReason ?? Retry.LastError : Retry.LastError ?? SkipReason);
}
