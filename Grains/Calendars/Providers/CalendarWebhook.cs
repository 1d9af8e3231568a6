namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// The one webhook of every calendar provider (<c>POST /webhooks/{provider}</c>,
/// <see cref="CalendarProvider.ReceiveWebhookAsync"/>): the provider reads the delivery
/// (<see cref="CalendarProvider.ReadWebhook"/>) into <see cref="PushNotification"/>s of one
/// <see cref="CalendarNotificationKind"/>, and each account grain verifies its own (channel id, token in constant
/// time, resource id). An unverified notification changes nothing.
/// </summary>
public static class CalendarWebhook
{
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
