namespace Scheduler.Grains.Participants.Busy;

/// <summary>How one background read of a calendar ended: the data, or why there is none.</summary>
/// <param name="Fetch">The data read; <see langword="null"/> when the read failed.</param>
/// <param name="Error">Why the read failed (no secrets); <see langword="null"/> on success.</param>
public sealed record CalendarRead(BusyFetch? Fetch, string? Error);
