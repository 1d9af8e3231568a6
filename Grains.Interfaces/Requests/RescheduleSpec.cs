namespace Scheduler.Grains;

/// <summary>A reschedule command.</summary>
/// <param name="Window">A new search window; <see langword="null"/> keeps the current one.</param>
public sealed record RescheduleSpec(TimeRange? Window);
