namespace Scheduler.Grains.Requests;

/// <summary>A reschedule command.</summary>
/// <param name="Window">A new search window; <see langword="null"/> keeps the current one.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.RescheduleSpec")]
public sealed record RescheduleSpec([property: Id(0)] TimeRange? Window);
