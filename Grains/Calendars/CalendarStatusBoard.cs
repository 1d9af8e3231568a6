using System.Collections.Concurrent;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// Per-calendar errors and successes of the calendar busy sources, per silo (in memory):
/// the place to look for why a participant's answers are stale. Keyed by participant grain key,
/// provider and calendar URL. Thread-safe.
/// </summary>
public sealed class CalendarStatusBoard
{
    private readonly ConcurrentDictionary<string, CalendarStatus> _entries = new(StringComparer.Ordinal);

    /// <summary>The status of a participant's calendar.</summary>
    /// <param name="participantKey">The participant grain key <c>{tenant}/{participantId}</c>.</param>
    /// <param name="provider">The provider (<c>ics</c>, <c>caldav</c>).</param>
    /// <param name="url">The calendar URL as configured.</param>
    /// <returns>The status, or <see langword="null"/> when the calendar was never read on this silo.</returns>
    public CalendarStatus? Get(string participantKey, string provider, string url) =>
        _entries.TryGetValue(Key(participantKey, provider, url), out var status) ? status : null;

    /// <summary>Records a successful read.</summary>
    /// <param name="participantKey">The participant grain key.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="url">The calendar URL as configured.</param>
    /// <param name="at">When it was read.</param>
    /// <param name="partialReason">Why only part of it could be read, or <see langword="null"/> when all of it was.</param>
    public void RecordSuccess(string participantKey, string provider, string url, DateTimeOffset at, string? partialReason = null) =>
        _entries[Key(participantKey, provider, url)] = new CalendarStatus(CalendarUrl.Redact(url), at, null, null, partialReason);

    /// <summary>Records a failed read; the last success is kept.</summary>
    /// <param name="participantKey">The participant grain key.</param>
    /// <param name="provider">The provider.</param>
    /// <param name="url">The calendar URL as configured.</param>
    /// <param name="error">The error message (already free of secrets).</param>
    /// <param name="at">When it failed.</param>
    public void RecordFailure(string participantKey, string provider, string url, string error, DateTimeOffset at) =>
        _entries.AddOrUpdate(
            Key(participantKey, provider, url),
            _ => new CalendarStatus(CalendarUrl.Redact(url), null, error, at),
            (_, old) => old with { LastError = error, LastErrorAt = at });

    private static string Key(string participantKey, string provider, string url) => $"{participantKey}\n{provider}\n{url}";
}
