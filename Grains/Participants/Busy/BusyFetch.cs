namespace Scheduler.Grains.Participants.Busy;

/// <summary>The result of a busy source fetch.</summary>
/// <param name="Intervals">Busy intervals, unbuffered, in any order.</param>
/// <param name="FetchedAt">When the data was read from its origin.</param>
public sealed record BusyFetch(IReadOnlyList<BusyInterval> Intervals, DateTimeOffset FetchedAt);
