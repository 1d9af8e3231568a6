namespace Scheduler.Runtime.Reminders;

/// <summary>A stored reminder. All instants are UTC.</summary>
/// <param name="GrainId">The grain that registered it.</param>
/// <param name="ReminderName">Its name, unique within the grain.</param>
/// <param name="FirstDue">When its first tick was due.</param>
/// <param name="Period">Time between ticks; <see cref="TimeSpan.Zero"/> for one-shot.</param>
/// <param name="NextDue">When the next undelivered tick is due. Advanced only after a tick was delivered (at-least-once).</param>
/// <param name="ETag">The row's version tag; <see langword="null"/> for an entry not yet stored.</param>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset FirstDue, TimeSpan Period, DateTimeOffset NextDue, string? ETag) : IGrainReminder;
