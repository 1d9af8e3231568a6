namespace Scheduler.Grains;

/// <summary>Replaces the weekly working hours on one local date.</summary>
/// <param name="Date">The local date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Hours">The working hours on that date; empty means a day off.</param>
public sealed record DateOverrideSpec(string Date, IReadOnlyList<LocalHours> Hours);
