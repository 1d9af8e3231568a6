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

    /// <summary>The due time of a one-shot reminder: <paramref name="remaining"/>, or zero when the moment is past.</summary>
    /// <param name="remaining">The time left until the reminder should fire; negative when that moment is past.</param>
    /// <returns>A non-negative delay.</returns>
    public static TimeSpan DueIn(TimeSpan remaining) => remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
}
