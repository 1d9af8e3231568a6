using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Reads a Google channel delivery (Calendar API push guide): the body is empty, the <c>X-Goog-*</c> headers name the
/// channel. The account key comes from the channel token (<see cref="ChannelTokens"/>); <c>X-Goog-Resource-State</c>
/// <c>exists</c> is <see cref="CalendarNotificationKind.Changed"/>, <c>sync</c> and <c>not_exists</c> are
/// <see cref="CalendarNotificationKind.None"/>. <c>X-Goog-Message-Number</c> is not read.
/// </summary>
public static class GoogleNotifications
{
    /// <summary>Reads the headers of one delivery.</summary>
    /// <param name="header">Reads a header; <see langword="null"/> when absent.</param>
    /// <returns>The account key and notification; <see langword="null"/> without a channel id or a well-formed channel token.</returns>
    public static (string AccountKey, PushNotification Notification)? Read(Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var token = header("X-Goog-Channel-Token") ?? string.Empty;
        var channelId = header("X-Goog-Channel-ID") ?? string.Empty;
        if (channelId.Length == 0 || !ChannelTokens.TryReadAccountKey(token, out var accountKey))
        {
            return null;
        }

        var kind = header("X-Goog-Resource-State") == "exists" ? CalendarNotificationKind.Changed : CalendarNotificationKind.None;
        return (accountKey, new PushNotification(channelId, token, header("X-Goog-Resource-ID") ?? string.Empty, kind));
    }
}
