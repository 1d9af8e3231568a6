namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// The one webhook of every calendar provider (<c>POST /webhooks/{provider}</c>): the provider reads the delivery
/// (<see cref="CalendarProvider.ReadWebhook"/>) into <see cref="PushNotification"/>s of one
/// <see cref="CalendarNotificationKind"/>, and each account grain verifies its own (channel id, token in constant
/// time, resource id). An unverified notification changes nothing.
/// </summary>
public static class CalendarWebhook
{
    /// <summary>Answers a delivery.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="provider">The provider whose route received it.</param>
    /// <param name="request">The delivery.</param>
    /// <returns>
    /// 404 when the provider has no webhook address; 200 with the handshake text; <see cref="CalendarProvider.WebhookAcceptedStatus"/>
    /// when a notification was accepted (its sync runs after, one-way); else 404. With the number of notifications read.
    /// </returns>
    public static async Task<(int Status, string? Text, int Notifications)> ReceiveAsync(IGrainFactory grains, CalendarProvider provider, WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!provider.CanWatch)
        {
            return (404, null, 0);
        }

        var reading = provider.ReadWebhook(request);
        if (reading.Handshake is { } text)
        {
            return (200, text, 0);
        }

        var verdicts = await RouteAsync(grains, reading.Pushes);
        return (verdicts.Contains(PushVerdict.Accepted) ? provider.WebhookAcceptedStatus : 404, null, verdicts.Count);
    }

    /// <summary>Hands each notification to the account grain its token names, in order.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="pushes">The notifications and their account keys.</param>
    /// <returns>The verdicts, in order.</returns>
    public static async Task<IReadOnlyList<PushVerdict>> RouteAsync(IGrainFactory grains, IEnumerable<(string AccountKey, PushNotification Notification)> pushes)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(pushes);
        List<PushVerdict> verdicts = [];
        foreach (var (accountKey, notification) in pushes)
        {
            verdicts.Add(await grains.GetGrain<ICalendarAccountGrain>(accountKey).ReceivePush(notification));
        }

        return verdicts;
    }
}
