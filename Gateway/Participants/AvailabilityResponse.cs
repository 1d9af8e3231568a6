namespace Scheduler.Gateway.Participants;

/// <summary>A participant's free time: <c>{free:[{start,end}], slots:[{start,end}]}</c>.</summary>
/// <param name="Free">Free working time (busy widened by buffers removed, caps applied), ordered.</param>
/// <param name="Slots">Intervals of the requested duration starting on the participant-local grid of <c>granularityMinutes</c> inside <paramref name="Free"/>.</param>
public sealed record AvailabilityResponse(IReadOnlyList<TimeRange> Free, IReadOnlyList<TimeRange> Slots);
