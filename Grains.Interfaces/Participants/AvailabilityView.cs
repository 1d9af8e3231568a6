namespace Scheduler.Grains.Participants;

/// <summary>A participant's free time and slot starts in a range.</summary>
/// <param name="Free">Free working time (busy widened by buffers removed, caps applied), ordered.</param>
/// <param name="Slots">Intervals of the requested duration starting on the participant-local grid inside <paramref name="Free"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.AvailabilityView")]
public sealed record AvailabilityView([property: Id(0)] IReadOnlyList<TimeRange> Free, [property: Id(1)] IReadOnlyList<TimeRange> Slots);
