using System.Globalization;

namespace Scheduler.Grains.Notifications.Reminders;

/// <summary>
/// Decides, without side effects, which reminders of an interview to register, send at once or skip (DESIGN §5
/// <c>reminders</c>, default <c>[1440, 120]</c> minutes before the start). A reminder whose time has passed is
/// still sent while the interview has not started (the silo was down), but only the one closest to the start
/// when several are late (the others are superseded and skipped); once the interview has started, every late
/// reminder is skipped and recorded. Rescheduling plans again with the new start (same names, so registering moves them); cancelling
/// unregisters every name in <see cref="ReminderNames"/>.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>The default offsets in minutes: 24 h and 2 h.</summary>
    public static IReadOnlyList<int> DefaultMinutes { get; } = [1440, 120];

    /// <summary>The prefix of the durable reminder names.</summary>
    public const string NamePrefix = "notify-reminder-";

    /// <summary>Plans the reminders of one interview.</summary>
    /// <param name="start">The interview start.</param>
    /// <param name="minutesBefore">Offsets in minutes before the start; values below 1 and repeats are ignored. <see langword="null"/> means <see cref="DefaultMinutes"/>.</param>
    /// <param name="now">The current time.</param>
    /// <returns>One entry per distinct offset, largest offset (earliest due time) first.</returns>
    public static IReadOnlyList<PlannedReminder> Plan(DateTimeOffset start, IReadOnlyList<int>? minutesBefore, DateTimeOffset now)
    {
        var offsets = (minutesBefore ?? DefaultMinutes).Where(m => m > 0).Distinct().OrderByDescending(m => m).ToList();
        var lateBeforeStart = offsets.Where(m => start.AddMinutes(-m) <= now && now < start).ToList();
        var sendNow = lateBeforeStart.Count > 0 ? lateBeforeStart.Min() : (int?)null;
        return [.. offsets.Select(m =>
        {
            var due = start.AddMinutes(-m);
            var decision = now < due ? ReminderDecision.Register : m == sendNow ? ReminderDecision.SendNow : ReminderDecision.Skip;
            return new PlannedReminder(m, due, decision, NameOf(m));
        })];
    }

    /// <summary>What to do when a reminder fires (it may fire late): send while before the start, else skip.</summary>
    /// <param name="start">The interview start as currently booked.</param>
    /// <param name="now">The current time.</param>
    /// <returns><see cref="ReminderDecision.SendNow"/> or <see cref="ReminderDecision.Skip"/>.</returns>
    public static ReminderDecision OnFired(DateTimeOffset start, DateTimeOffset now) =>
        now < start ? ReminderDecision.SendNow : ReminderDecision.Skip;

    /// <summary>The durable reminder name of an offset.</summary>
    /// <param name="minutesBefore">The offset in minutes.</param>
    /// <returns><c>notify-reminder-{minutes}</c>.</returns>
    public static string NameOf(int minutesBefore) => NamePrefix + minutesBefore.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the offset back from a reminder name.</summary>
    /// <param name="reminderName">A reminder name.</param>
    /// <param name="minutesBefore">The offset, when the name is one of ours.</param>
    /// <returns>Whether the name is a notification reminder.</returns>
    public static bool TryParseName(string reminderName, out int minutesBefore)
    {
        minutesBefore = 0;
        return reminderName is not null && reminderName.StartsWith(NamePrefix, StringComparison.Ordinal)
            && int.TryParse(reminderName.AsSpan(NamePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out minutesBefore);
    }

    /// <summary>All reminder names of a set of offsets (to unregister on cancel).</summary>
    /// <param name="minutesBefore">The offsets, or <see langword="null"/> for the defaults.</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> ReminderNames(IReadOnlyList<int>? minutesBefore) =>
        [.. (minutesBefore ?? DefaultMinutes).Where(m => m > 0).Distinct().Select(NameOf)];
}
