namespace Scheduler.Grains.Participants;

/// <summary>Replaces the weekly working hours on one local date.</summary>
/// <param name="Date">The local date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Hours">The working hours on that date; empty means a day off.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.DateOverrideSpec")]
public sealed record DateOverrideSpec([property: Id(0)] string Date, [property: Id(1)] IReadOnlyList<LocalHours> Hours);
