using Scheduler.Grains.Common;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// One <c>getSchedule</c> call: at most <see cref="MaxSchedules"/> mailboxes over a range shorter
/// than <see cref="MaxRange"/> (Graph <c>calendar: getSchedule</c> limits: 20 schedules, a time
/// range under 62 days).
/// </summary>
/// <param name="Mailboxes">The schedules (SMTP addresses) asked: 1 to <see cref="MaxSchedules"/>.</param>
/// <param name="Range">The range (UTC), at most <see cref="MaxRange"/> long.</param>
public sealed record ScheduleChunk(IReadOnlyList<string> Mailboxes, TimeRange Range)
{
    /// <summary>The most schedules in one call: 20.</summary>
    public const int MaxSchedules = 20;

    /// <summary>The longest range of one call: 61 days (Graph refuses 62 days or more).</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(61);

    /// <summary>Splits a question into calls within the limits: mailboxes in groups of 20, the range in consecutive pieces of at most 61 days.</summary>
    /// <param name="mailboxes">The mailboxes; at least one.</param>
    /// <param name="range">The whole range (UTC); non-empty.</param>
    /// <returns>The calls, each group of mailboxes over each piece of the range.</returns>
    /// <exception cref="ArgumentException">No mailboxes, or an empty range.</exception>
    public static IReadOnlyList<ScheduleChunk> Plan(IReadOnlyList<string> mailboxes, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        if (mailboxes.Count == 0)
        {
            throw new ArgumentException("At least one mailbox is needed.", nameof(mailboxes));
        }

        if (range.End <= range.Start)
        {
            throw new ArgumentException("The range is empty.", nameof(range));
        }

        List<TimeRange> pieces = [];
        for (var start = range.Start; start < range.End; start += MaxRange)
        {
            var end = start + MaxRange < range.End ? start + MaxRange : range.End;
            pieces.Add(new TimeRange(start, end));
        }

        return [.. mailboxes.Chunk(MaxSchedules).SelectMany(group => pieces.Select(piece => new ScheduleChunk(group, piece)))];
    }
}
