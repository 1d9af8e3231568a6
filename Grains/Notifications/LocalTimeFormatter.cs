using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// Shows instants in a recipient's own zone with the zone named, e.g.
/// <c>Tue 10 Mar 2026, 14:00–15:00 CET (your time)</c>. The zone's abbreviation comes from TZDB (NodaTime's
/// <see cref="NodaTime.TimeZones.ZoneInterval.Name"/>); numeric ones such as <c>+0530</c> are shown as <c>UTC+05:30</c>. English,
/// 24-hour clock, independent of the server's culture. A zone may be given as an IANA id or as a Windows zone name, which
/// the API accepts for a profile; Windows names are mapped to IANA by <see cref="TimeZones.TryGetIanaId"/> (the CLDR
/// mapping in NodaTime's TZDB), the same lookup as the engine and the web app.
/// </summary>
public static class LocalTimeFormatter
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("ddd d MMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture);
    private static readonly OffsetPattern OffsetText = OffsetPattern.Create("+HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Formats an interval <c>[start, end)</c> in <paramref name="zoneId"/>.</summary>
    /// <param name="start">The start.</param>
    /// <param name="end">The end (not before the start). When it falls on another local day, that day is written too.</param>
    /// <param name="zoneId">The recipient's zone: an IANA id or a Windows zone name (<see cref="TimeZones.ZoneOrUtc"/>).</param>
    /// <returns>For example <c>Tue 10 Mar 2026, 14:00–15:00 CET (your time)</c>.</returns>
    public static string Range(DateTimeOffset start, DateTimeOffset end, string? zoneId)
    {
        var zone = TimeZones.ZoneOrUtc(zoneId);
        var from = Instant.FromDateTimeOffset(start).InZone(zone);
        var to = Instant.FromDateTimeOffset(end).InZone(zone);
        var text = from.Date == to.Date
            ? $"{DatePattern.Format(from.Date)}, {TimePattern.Format(from.TimeOfDay)}–{TimePattern.Format(to.TimeOfDay)} {Abbreviation(to)}"
            : $"{DatePattern.Format(from.Date)}, {TimePattern.Format(from.TimeOfDay)} {Abbreviation(from)} – {DatePattern.Format(to.Date)}, {TimePattern.Format(to.TimeOfDay)} {Abbreviation(to)}";
        return text + " (your time)";
    }

    /// <summary>The short name of the zone at that moment (<c>CET</c>, <c>CEST</c>, <c>UTC+05:30</c>).</summary>
    /// <param name="time">A zoned time.</param>
    /// <returns>The abbreviation.</returns>
    public static string Abbreviation(ZonedDateTime time)
    {
        var name = time.GetZoneInterval().Name;
        if (name.Length > 0 && name.All(char.IsAsciiLetter))
        {
            return name;
        }

        return time.Offset == Offset.Zero ? "UTC" : "UTC" + OffsetText.Format(time.Offset);
    }
}
