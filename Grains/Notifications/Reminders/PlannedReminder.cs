namespace Scheduler.Grains.Notifications.Reminders;

/// <summary>One reminder of an interview and what to do with it.</summary>
/// <param name="MinutesBefore">How many minutes before the start it is meant for (1 or more).</param>
/// <param name="DueAt">The start minus <paramref name="MinutesBefore"/>.</param>
/// <param name="Decision">Register, send now or skip.</param>
/// <param name="ReminderName">The durable reminder name: <c>notify-reminder-{MinutesBefore}</c>.</param>
public sealed record PlannedReminder(int MinutesBefore, DateTimeOffset DueAt, ReminderDecision Decision, string ReminderName);
