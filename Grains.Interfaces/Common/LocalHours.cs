namespace Scheduler.Grains.Common;

/// <summary>A range of local wall-clock time on one date.</summary>
/// <param name="Start">Local start time, <c>HH:mm</c>.</param>
/// <param name="End">Local end time, <c>HH:mm</c>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.LocalHours")]
public sealed record LocalHours([property: Id(0)] string Start, [property: Id(1)] string End);
