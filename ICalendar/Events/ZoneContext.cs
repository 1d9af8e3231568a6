namespace Scheduler.ICalendar.Events;

/// <summary>
/// How values are turned into instants for one query: resolved TZIDs, the zone for DATE values
/// (the participant's), and the zone for floating DATE-TIMEs (X-WR-TIMEZONE or the participant's).
/// Local times are resolved leniently, as RFC 5545 §3.3.5 prescribes: a time in a gap moves
/// forward by the gap, an ambiguous time takes the earlier offset.
/// </summary>
internal sealed class ZoneContext(IReadOnlyDictionary<string, DateTimeZone?> zones, DateTimeZone dateZone, DateTimeZone floatingZone)
{
    public DateTimeZone DateZone { get; } = dateZone;

    /// <summary>The zone whose wall clock a value is written in.</summary>
    public DateTimeZone ZoneOf(CalendarDateTime value) => value.Kind switch
    {
        CalendarDateTimeKind.Utc => DateTimeZone.Utc,
        CalendarDateTimeKind.Date => DateZone,
        CalendarDateTimeKind.Zoned when value.TzId is { } id && zones.TryGetValue(id, out var zone) && zone is not null => zone,
        _ => floatingZone,
    };

    public Instant ToInstant(CalendarDateTime value) => ToInstant(value.Local, value.IsDate, ZoneOf(value));

    public static Instant ToInstant(LocalDateTime local, bool isDate, DateTimeZone zone) =>
        isDate ? zone.AtStartOfDay(local.Date).ToInstant() : zone.AtLeniently(local).ToInstant();
}
