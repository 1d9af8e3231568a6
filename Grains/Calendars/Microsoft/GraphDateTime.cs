using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Graph's <c>dateTimeTimeZone</c> (<c>{"dateTime":"2026-03-08T09:30:00.0000000","timeZone":"Pacific Standard Time"}</c>):
/// a local date and time without offset plus a zone name, which is <c>UTC</c>, an IANA id, or a
/// Windows zone name (what Outlook uses). Windows names map to IANA through CLDR's primary
/// mapping (NodaTime's <see cref="TzdbDateTimeZoneSource.WindowsMapping"/>, through <see cref="TimeZones"/>). A local time in a
/// daylight-saving gap moves forward by the gap; an ambiguous one takes the earlier instant.
/// </summary>
public static class GraphDateTime
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFF");

    /// <summary>Formats an instant as Graph's <c>dateTime</c> in UTC (<c>yyyy-MM-ddTHH:mm:ss</c>, to the second).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text, to be sent with <c>"timeZone":"UTC"</c>.</returns>
    public static string FormatUtc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);

    /// <summary>Converts a <c>dateTimeTimeZone</c> to an instant.</summary>
    /// <param name="dateTime">The local date and time, ISO 8601 without offset (fractional seconds up to 7 digits allowed; a trailing <c>Z</c> is read as UTC).</param>
    /// <param name="timeZone">The zone: <c>UTC</c>, an IANA id or a Windows zone name; <see langword="null"/> or empty means UTC.</param>
    /// <returns>The instant (offset zero).</returns>
    /// <exception cref="FormatException">The date and time cannot be read, or the zone is unknown.</exception>
    public static DateTimeOffset ToUtc(string dateTime, string? timeZone)
    {
        var zone = Zone(timeZone);
        return zone.ResolveLocal(Parse(dateTime), Resolvers.LenientResolver).ToDateTimeOffset().ToUniversalTime();
    }

    /// <summary>
    /// Converts a date of an all-day event to the instant its day starts in the event's own zone. Graph gives
    /// all-day events as midnight to midnight with <c>"timeZone":"UTC"</c> whatever zone the event was made in, which
    /// is named by <c>originalStartTimeZone</c> and <c>originalEndTimeZone</c>; only the date counts. The day starts at
    /// its first instant (<see cref="DateTimeZone.AtStartOfDay"/>), so a day with a daylight-saving change lasts 23 or 25 hours.
    /// </summary>
    /// <param name="dateTime">The local date and time as Graph gives it (see <see cref="ToUtc"/>); its time of day is ignored.</param>
    /// <param name="timeZones">Zone names (<c>UTC</c>, IANA ids or Windows names) in order of preference; the first known one is used, UTC when none is.</param>
    /// <returns>The start of that date in the zone (offset zero).</returns>
    /// <exception cref="FormatException">The date and time cannot be read.</exception>
    public static DateTimeOffset StartOfDate(string dateTime, params ReadOnlySpan<string?> timeZones)
    {
        var date = Parse(dateTime).Date;
        var zone = DateTimeZone.Utc;
        foreach (var name in timeZones)
        {
            if (ZoneOrNull(name) is { } known)
            {
                zone = known;
                break;
            }
        }

        return zone.AtStartOfDay(date).ToDateTimeOffset().ToUniversalTime();
    }

    /// <summary>Finds a zone by Graph's name for it.</summary>
    /// <param name="timeZone"><c>UTC</c>, an IANA id or a Windows zone name; <see langword="null"/> or empty means UTC.</param>
    /// <returns>The zone.</returns>
    /// <exception cref="FormatException">The zone is unknown.</exception>
    public static DateTimeZone Zone(string? timeZone) =>
        string.IsNullOrEmpty(timeZone) ? DateTimeZone.Utc : ZoneOrNull(timeZone) ?? throw new FormatException($"Unknown time zone '{timeZone}'.");

    private static DateTimeZone? ZoneOrNull(string? timeZone) =>
        timeZone is "UTC" or "Etc/UTC" or "tzone://Microsoft/Utc" ? DateTimeZone.Utc
        : TimeZones.TryGetIanaId(timeZone, out var iana) ? DateTimeZoneProviders.Tzdb[iana]
        : null;

    private static LocalDateTime Parse(string dateTime)
    {
        ArgumentNullException.ThrowIfNull(dateTime);
        var text = dateTime.EndsWith('Z') ? dateTime[..^1] : dateTime;
        var parsed = Pattern.Parse(text);
        return parsed.Success ? parsed.Value : throw new FormatException($"'{dateTime}' is not a Graph dateTime.");
    }
}
