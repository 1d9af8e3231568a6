using System.Globalization;

namespace Scheduler.Grains.Notifications.Outbox;

/// <summary>The exactly-once key of an outbox message: <c>{kind}[-{minutes}]/{sequence}/{recipientId}/{channel}</c>.</summary>
public static class OutboxKeys
{
    /// <summary>Builds the key.</summary>
    /// <param name="notification">The notification (kind, sequence, reminder offset).</param>
    /// <param name="recipientId">The recipient id.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The key, e.g. <c>Reminder-120/1/cand-1/Email</c>.</returns>
    public static string For(InterviewNotification notification, string recipientId, NotificationChannel channel)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var kind = notification.Kind == NotificationKind.Reminder && notification.ReminderMinutes is { } minutes
            ? string.Create(CultureInfo.InvariantCulture, $"{notification.Kind}-{minutes}")
            : notification.Kind.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{kind}/{notification.Sequence}/{recipientId}/{channel}");
    }
}
