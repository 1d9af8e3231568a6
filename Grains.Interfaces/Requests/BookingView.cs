namespace Scheduler.Grains.Requests;

/// <summary>A confirmed booking of a request.</summary>
/// <param name="Stages">The booked stages in order.</param>
/// <param name="BookedAt">When every participant confirmed.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BookingView")]
public sealed record BookingView([property: Id(0)] IReadOnlyList<ScheduledStageView> Stages, [property: Id(1)] DateTimeOffset BookedAt);
