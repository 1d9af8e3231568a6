namespace Scheduler.Grains;

/// <summary>A confirmed booking of a request.</summary>
/// <param name="Stages">The booked stages in order.</param>
/// <param name="BookedAt">When every participant confirmed.</param>
public sealed record BookingView(IReadOnlyList<ScheduledStageView> Stages, DateTimeOffset BookedAt);
