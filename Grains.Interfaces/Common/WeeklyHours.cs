namespace Scheduler.Grains.Common;

/// <summary>
/// A weekly rule in local wall-clock time of the participant (or candidate) it belongs to, for
/// working hours and preferred times.
/// </summary>
/// <param name="Days">Days it applies to: <c>Mon</c>, <c>Tue</c>, <c>Wed</c>, <c>Thu</c>, <c>Fri</c>, <c>Sat</c>, <c>Sun</c>.</param>
/// <param name="Start">Local start time, <c>HH:mm</c>.</param>
/// <param name="End">Local end time, <c>HH:mm</c>; at or before <paramref name="Start"/> runs past midnight, <c>00:00</c>–<c>00:00</c> is the whole day.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.WeeklyHours")]
public sealed record WeeklyHours([property: Id(0)] IReadOnlyList<string> Days, [property: Id(1)] string Start, [property: Id(2)] string End);
