namespace Scheduler.Grains.Participants;

/// <summary>A query for a participant's free slots.</summary>
/// <param name="Range">The range searched; at most 90 days.</param>
/// <param name="DurationMinutes">The slot length in minutes, 1–1440.</param>
/// <param name="GranularityMinutes">Slot starts are multiples of this many minutes after local midnight; must divide 1440. Default 15.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.AvailabilityQuery")]
public sealed record AvailabilityQuery([property: Id(0)] TimeRange Range, [property: Id(1)] int DurationMinutes, [property: Id(2)] int GranularityMinutes = 15);
