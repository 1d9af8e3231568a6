namespace Scheduler.Grains.Participants;

/// <summary>What a request asks a participant for during negotiation.</summary>
/// <param name="Window">The request's search window.</param>
/// <param name="RequestId">The asking request's key; its own holds and bookings are left out of the busy time.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.AvailabilityInputQuery")]
public sealed record AvailabilityInputQuery([property: Id(0)] TimeRange Window, [property: Id(1)] string RequestId);
