namespace Scheduler.Grains.Tests.Notifications;

/// <summary>Polls (real time, at most 20 s) the notification grains until what they hold meets a condition.</summary>
internal static class NotificationWaits
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Until the offer's Slack messages exist and meet <paramref name="condition"/>; returns them.</summary>
    public static Task<IReadOnlyList<PoolOfferMessage>> WaitForMessagesAsync(this IPoolOfferMessagesGrain grain, Func<IReadOnlyList<PoolOfferMessage>, bool> condition) =>
        TestSiloHost.WaitForAsync(
            grain.GetMessages,
            messages => messages.Count > 0 && condition(messages),
            Timeout,
            messages => "messages " + string.Join(", ", messages.Select(m => $"{m.MemberId}={m.Status}/{m.LastError}")));

    /// <summary>Until the inbox holds items and they meet <paramref name="condition"/>; returns them.</summary>
    public static Task<IReadOnlyList<SlackInboxItem>> WaitForItemsAsync(this ISlackInboxGrain inbox, Func<IReadOnlyList<SlackInboxItem>, bool> condition) =>
        TestSiloHost.WaitForAsync(
            inbox.GetItems,
            items => items.Count > 0 && condition(items),
            Timeout,
            items => "inbox items " + string.Join(", ", items.Select(i => $"{i.Interaction.Id}={i.Status}/{i.Attempts}/{i.Outcome}")));

    /// <summary>
    /// Advances <paramref name="time"/> a minute at a time (with a short real pause for the silo's timers) until the
    /// outbox's history meets <paramref name="condition"/>, at most <paramref name="maxMinutes"/> minutes; returns it.
    /// </summary>
    public static async Task<IReadOnlyList<NotificationRecord>> StepUntilAsync(this INotificationOutboxGrain outbox, FakeTimeProvider time, Func<IReadOnlyList<NotificationRecord>, bool> condition, int maxMinutes = 60)
    {
        var history = await outbox.GetHistory();
        for (var minute = 0; minute < maxMinutes && !condition(history); minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(300);
            history = await outbox.GetHistory();
        }

        Assert.True(condition(history), "history " + string.Join("; ", history));
        return history;
    }

    /// <summary>Until the outbox's history meets <paramref name="condition"/>; returns it.</summary>
    public static Task<IReadOnlyList<NotificationRecord>> WaitForHistoryAsync(this INotificationOutboxGrain outbox, Func<IReadOnlyList<NotificationRecord>, bool> condition) =>
        TestSiloHost.WaitForAsync(outbox.GetHistory, condition, Timeout, history => "history " + string.Join("; ", history));
}
