namespace Scheduler.Grains.Common;

/// <summary>
/// Orleans reminders are periodic, with a period of at least <c>ReminderOptions.MinimumReminderPeriod</c> (1 min by
/// default). A reminder meant to fire once is registered with <see cref="RetryPeriod"/> and removes itself when its
/// handler has done its work; should the handler fail (or the silo die) before that, the next tick retries it. Every
/// handler is idempotent, so a retry repeats nothing that already happened.
/// </summary>
public static class OneShotReminder
{
    /// <summary>The period of a reminder meant to fire once: 5 min between retries of a handler that did not finish.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(5);

    /// <summary>Registers (or moves) a one-shot reminder of the grain, retried every <see cref="RetryPeriod"/> until it is stopped.</summary>
    /// <param name="grain">The grain.</param>
    /// <param name="name">The reminder's name.</param>
    /// <param name="remaining">The time left until it should fire; when that moment is past (negative), it fires at once.</param>
    /// <returns>A task that completes when the reminder is registered.</returns>
    public static Task RegisterOneShotReminder(this Grain grain, string name, TimeSpan remaining) =>
        grain.RegisterOrUpdateReminder(name, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, RetryPeriod);

    /// <summary>Unregisters a reminder of the grain (one-shot or periodic); one that is not registered is left as it is.</summary>
    /// <param name="grain">The grain.</param>
    /// <param name="name">The reminder's name.</param>
    /// <returns>A task that completes when no such reminder is registered.</returns>
    public static async Task StopReminderAsync(this Grain grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
