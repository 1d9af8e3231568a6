using System.Collections;

namespace Scheduler.ICalendar.Events;

/// <summary>
/// The occurrences of a window, sorted by start, and the UIDs of the series whose expansion stopped at a limit
/// (<see cref="OccurrenceBuilder.MaxInstancesPerSeries"/> instances or <see cref="Recurrence.RecurrenceExpander.MaxPeriods"/>
/// periods, e.g. an unbounded <c>FREQ=SECONDLY</c>): for those the list holds only the instances up to the cut, so the
/// window is not fully known.
/// </summary>
/// <param name="occurrences">The occurrences, sorted.</param>
/// <param name="cutSeries">The UIDs of the series cut short, ordinal order; empty when every series is complete.</param>
public sealed class OccurrenceList(IReadOnlyList<EventOccurrence> occurrences, IReadOnlyList<string> cutSeries) : IReadOnlyList<EventOccurrence>
{
    /// <summary>The UIDs of the series cut short by an expansion limit; empty when none was.</summary>
    public IReadOnlyList<string> CutSeries { get; } = cutSeries;

    /// <inheritdoc />
    public int Count => occurrences.Count;

    /// <inheritdoc />
    public EventOccurrence this[int index] => occurrences[index];

    /// <inheritdoc />
    public IEnumerator<EventOccurrence> GetEnumerator() => occurrences.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
