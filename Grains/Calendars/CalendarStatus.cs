namespace Scheduler.Grains.Calendars;

/// <summary>The health of one participant's calendar, as last seen by its busy source.</summary>
/// <param name="Calendar">The calendar, with secrets removed.</param>
/// <param name="LastSuccessAt">When it was last read successfully; <see langword="null"/> if never.</param>
/// <param name="LastError">The last error message (see <see cref="CalendarSourceException"/>); <see langword="null"/> after a success.</param>
/// <param name="LastErrorAt">When <paramref name="LastError"/> happened.</param>
/// <param name="PartialReason">Why the last good read was only partial (components skipped), or <see langword="null"/> when it was whole.</param>
public sealed record CalendarStatus(string Calendar, DateTimeOffset? LastSuccessAt, string? LastError, DateTimeOffset? LastErrorAt, string? PartialReason = null)
{
    /// <summary>Whether the last attempt failed, so the participant answers from older (stale) data.</summary>
    public bool Failing => LastError is not null;
}
