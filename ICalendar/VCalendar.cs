using Scheduler.ICalendar.Events;
using Scheduler.ICalendar.Parsing;
using Scheduler.ICalendar.TimeZones;

namespace Scheduler.ICalendar;

/// <summary>
/// A parsed iCalendar object (RFC 5545 §3.4, §3.6): its events, its time zones resolved to
/// NodaTime zones, and the warnings collected while reading it. Immutable and thread-safe;
/// occurrence queries are pure functions of their arguments.
/// </summary>
/// <remarks>
/// VTODO, VJOURNAL and VFREEBUSY components are kept in <see cref="Components"/> but are not
/// expanded: they do not make anyone busy. VALARMs stay inside their events.
/// </remarks>
public sealed class VCalendar
{
    private readonly Dictionary<string, DateTimeZone?> _zones;
    private readonly DateTimeZone? _defaultZone;

    private VCalendar(IReadOnlyList<CalendarComponent> components, IReadOnlyList<CalendarEvent> events, Dictionary<string, DateTimeZone?> zones, string? defaultTimeZoneId, DateTimeZone? defaultZone, string? method, IReadOnlyList<CalendarWarning> warnings)
    {
        Components = components;
        Events = events;
        _zones = zones;
        DefaultTimeZoneId = defaultTimeZoneId;
        _defaultZone = defaultZone;
        Method = method;
        Warnings = warnings;
    }

    /// <summary>The VCALENDAR components read (usually one), with everything in them.</summary>
    public IReadOnlyList<CalendarComponent> Components { get; }

    /// <summary>Every VEVENT that could be read, in file order (masters and overrides).</summary>
    public IReadOnlyList<CalendarEvent> Events { get; }

    /// <summary>The calendar's <c>METHOD</c> (RFC 5546 §1.4, e.g. <c>REQUEST</c>), or <see langword="null"/>.</summary>
    public string? Method { get; }

    /// <summary>The <c>X-WR-TIMEZONE</c> (a de-facto extension written by Google and Apple), or <see langword="null"/>. When it names a known zone, floating DATE-TIMEs are read in it.</summary>
    public string? DefaultTimeZoneId { get; }

    /// <summary>Problems that did not stop reading: skipped events, ignored values, unresolved TZIDs.</summary>
    public IReadOnlyList<CalendarWarning> Warnings { get; }

    /// <summary>Whether a component was skipped (<see cref="CalendarWarning.Skipped"/>): the rest of the file was read, this part was not.</summary>
    public bool IsPartial => Warnings.Any(w => w.Skipped);

    /// <summary>Every TZID used or defined by the calendar, with the zone it resolved to (<see langword="null"/> when unresolved; such values are read as floating).</summary>
    public IReadOnlyDictionary<string, DateTimeZone?> TimeZones => _zones;

    /// <summary>
    /// Parses iCalendar text. CRLF, LF and CR line ends, folded lines (space or tab), and a
    /// leading byte order mark are accepted.
    /// </summary>
    /// <param name="text">The whole iCalendar stream as text.</param>
    /// <returns>The calendar; per-event problems are in <see cref="Warnings"/>.</returns>
    /// <exception cref="ICalendarParseException">The text is not a well-formed iCalendar object (see the exception's documentation).</exception>
    public static VCalendar Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var warnings = new List<CalendarWarning>();
        var calendars = ComponentTreeReader.Read(text, warnings);
        var events = new List<CalendarEvent>();
        var vtimezones = new Dictionary<string, CalendarComponent>(StringComparer.Ordinal);
        string? method = null;
        string? defaultTimeZoneId = null;
        foreach (var calendar in calendars)
        {
            method ??= calendar.GetProperty("METHOD")?.Value.Trim();
            defaultTimeZoneId ??= calendar.GetProperty("X-WR-TIMEZONE")?.Value.Trim();
            foreach (var component in calendar.Components)
            {
                if (component.Name == "VTIMEZONE")
                {
                    if (component.GetProperty("TZID")?.Value.Trim() is { Length: > 0 } tzId)
                    {
                        vtimezones.TryAdd(tzId, component);
                    }
                    else
                    {
                        warnings.Add(new CalendarWarning(component.LineNumber, "Ignored a VTIMEZONE without TZID."));
                    }
                }
                else if (component.Name == "VEVENT" && EventReader.Read(component, warnings) is { } calendarEvent)
                {
                    events.Add(calendarEvent);
                }
            }
        }

        var zones = new Dictionary<string, DateTimeZone?>(StringComparer.Ordinal);
        foreach (var (tzId, component) in vtimezones)
        {
            zones[tzId] = TimeZoneResolver.Resolve(tzId, component);
        }

        foreach (var tzId in events.SelectMany(TzIds).Distinct())
        {
            if (!zones.ContainsKey(tzId))
            {
                zones[tzId] = TimeZoneResolver.Resolve(tzId, null);
            }

            if (zones[tzId] is null)
            {
                warnings.Add(new CalendarWarning(0, $"TZID '{tzId}' is neither a known zone nor defined by a VTIMEZONE; its times are read as floating."));
            }
        }

        DateTimeZone? defaultZone = null;
        if (defaultTimeZoneId is { Length: > 0 })
        {
            defaultZone = TimeZoneResolver.Resolve(defaultTimeZoneId, vtimezones.GetValueOrDefault(defaultTimeZoneId));
            if (defaultZone is null)
            {
                warnings.Add(new CalendarWarning(0, $"X-WR-TIMEZONE '{defaultTimeZoneId}' is not a known zone; floating times use the caller's zone."));
            }
        }

        return new VCalendar(calendars, events, zones, defaultTimeZoneId, defaultZone, method, warnings);
    }

    /// <summary>Parses an iCalendar stream (UTF-8, with or without byte order mark). The stream is read to its end and not closed.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ICalendarParseException">The content is not a well-formed iCalendar object.</exception>
    public static VCalendar Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// Every occurrence of every event that overlaps the window <c>[start, end)</c>, sorted by
    /// start, then end, then UID. Includes cancelled and transparent occurrences (see
    /// <see cref="GetBusyIntervals"/> for the busy ones). An occurrence overlaps when it starts
    /// before <paramref name="end"/> and ends after <paramref name="start"/>; a zero-length
    /// occurrence when <c>start ≤ its start &lt; end</c>. Recurring events are expanded lazily
    /// over the window only (RFC 5545 §3.8.5); see the class remarks of the library docs for
    /// DST handling (RFC 5545 §3.3.5: nonexistent local times move forward by the gap, ambiguous
    /// ones take the earlier offset).
    /// </summary>
    /// <param name="start">Window start (inclusive).</param>
    /// <param name="end">Window end (exclusive); not before <paramref name="start"/>.</param>
    /// <param name="floatingZone">The participant's zone: all-day (DATE) events span its local days, and floating DATE-TIMEs are read in it unless the calendar has a known <c>X-WR-TIMEZONE</c>.</param>
    /// <returns>The occurrences (empty when none), and the series cut short by an expansion limit (<see cref="OccurrenceList.CutSeries"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="floatingZone"/> is null.</exception>
    public OccurrenceList GetOccurrences(Instant start, Instant end, DateTimeZone floatingZone)
    {
        ArgumentNullException.ThrowIfNull(floatingZone);
        if (end < start)
        {
            throw new ArgumentException("The window end must not be before its start.", nameof(end));
        }

        var context = new ZoneContext(_zones, floatingZone, _defaultZone ?? floatingZone);
        return OccurrenceBuilder.Build(Events, context, new Interval(start, end));
    }

    /// <summary>
    /// The occurrences in <c>[start, end)</c> that make the owner busy: not
    /// <c>STATUS:CANCELLED</c> and not <c>TRANSP:TRANSPARENT</c>; sorted as in <see cref="GetOccurrences"/>.
    /// Intervals are not merged (each keeps its UID and summary).
    /// </summary>
    /// <param name="start">Window start (inclusive).</param>
    /// <param name="end">Window end (exclusive); not before <paramref name="start"/>.</param>
    /// <param name="floatingZone">The participant's zone, used for all-day events and floating times.</param>
    /// <returns>The busy occurrences, and the series cut short by an expansion limit.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="floatingZone"/> is null.</exception>
    public OccurrenceList GetBusyIntervals(Instant start, Instant end, DateTimeZone floatingZone)
    {
        var all = GetOccurrences(start, end, floatingZone);
        return new OccurrenceList([.. all.Where(o => o.IsBusy)], all.CutSeries);
    }

    private static IEnumerable<string> TzIds(CalendarEvent calendarEvent)
    {
        foreach (var value in new[] { calendarEvent.Start, calendarEvent.End, calendarEvent.RecurrenceId })
        {
            if (value is { TzId: { } tzId })
            {
                yield return tzId;
            }
        }

        foreach (var value in calendarEvent.ExceptionDates.Concat(calendarEvent.RecurrenceDates.Select(p => p.Start)))
        {
            if (value.TzId is { } tzId)
            {
                yield return tzId;
            }
        }
    }
}
