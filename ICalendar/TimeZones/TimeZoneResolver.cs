using System.Text.RegularExpressions;
using NodaTime.TimeZones;

namespace Scheduler.ICalendar.TimeZones;

/// <summary>
/// Resolves a <c>TZID</c> (RFC 5545 §3.2.19) to a NodaTime zone, in this order:
/// <list type="number">
/// <item>an IANA id of the embedded TZDB (exact, then case-insensitive);</item>
/// <item>a globally unique id (leading <c>/</c>, RFC 5545 §3.2.19) that is an IANA id (<c>/Europe/Berlin</c>), or a path whose tail is one (<c>/freeassociation.sourceforge.net/Tzfile/Europe/Berlin</c>, <c>/mozilla.org/20050126_1/America/New_York</c>);</item>
/// <item>a Windows zone id (<c>W. Europe Standard Time</c>) through the CLDR mapping in <see cref="TzdbDateTimeZoneSource.WindowsMapping"/>;</item>
/// <item>an Outlook display name (<c>(UTC+01:00) Amsterdam, Berlin, …</c>) through a table of common names, else city by city, accepted only when the IANA zone's standard offset equals the one in the name;</item>
/// <item>the VTIMEZONE's <c>X-LIC-LOCATION</c> when it is an IANA id;</item>
/// <item>the VTIMEZONE's own observances (<see cref="VTimeZoneDateTimeZone"/>).</item>
/// </list>
/// Steps 3–5 are checked against the VTIMEZONE when there is one: if its offsets differ from
/// the IANA zone's at any month start 2000–2035, the VTIMEZONE's own rules win.
/// </summary>
internal static partial class TimeZoneResolver
{
    private static readonly IDateTimeZoneProvider Tzdb = DateTimeZoneProviders.Tzdb;

    private static readonly Lazy<Dictionary<string, string>> IdsIgnoringCase = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in Tzdb.Ids)
        {
            map.TryAdd(id, id);
        }

        return map;
    });

    private static readonly Lazy<Dictionary<string, string>> IdsByCity = new(() =>
    {
        var canonical = TzdbDateTimeZoneSource.Default.CanonicalIdMap;
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in Tzdb.Ids.Where(i => i.Contains('/') && !i.StartsWith("Etc/", StringComparison.Ordinal)))
        {
            var city = id[(id.LastIndexOf('/') + 1)..];
            var target = canonical.TryGetValue(id, out var c) ? c : id;
            map.TryAdd(city, target);
        }

        return map;
    });

    /// <summary>Resolves a TZID; returns <see langword="null"/> when nothing matches.</summary>
    /// <param name="tzId">The TZID as written.</param>
    /// <param name="vtimezone">The calendar's VTIMEZONE with this TZID, or <see langword="null"/>.</param>
    public static DateTimeZone? Resolve(string tzId, CalendarComponent? vtimezone)
    {
        var id = tzId.Trim().Trim('"');
        if (FindIana(id) is { } iana)
        {
            return iana;
        }

        var custom = vtimezone is null ? null : VTimeZoneDateTimeZone.TryCreate(tzId, vtimezone);
        var candidate = FromWindowsId(id) ?? FromDisplayName(id) ?? FromLocation(vtimezone);
        if (candidate is not null && (custom is null || SameOffsets(candidate, custom)))
        {
            return candidate;
        }

        return custom;
    }

    private static DateTimeZone? FindIana(string id)
    {
        if (Tzdb.GetZoneOrNull(id) is { } exact)
        {
            return exact;
        }

        if (IdsIgnoringCase.Value.TryGetValue(id, out var cased))
        {
            return Tzdb[cased];
        }

        // A TZID starting with "/" names a zone of a global registry (RFC 5545 §3.2.19): "/Europe/Berlin" is the IANA
        // id itself; longer paths carry the registry's prefix, so their tail of two or more segments is tried.
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = id.StartsWith('/') ? 0 : 1; i < parts.Length; i++)
        {
            var tail = string.Join('/', parts[i..]);
            if (IdsIgnoringCase.Value.TryGetValue(tail, out var found) && (i == 0 || parts.Length - i >= 2 || tail.Equals("UTC", StringComparison.OrdinalIgnoreCase)))
            {
                return Tzdb[found];
            }
        }

        return null;
    }

    private static DateTimeZone? FromWindowsId(string id)
    {
        var mapping = TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping;
        return mapping.Keys.FirstOrDefault(key => string.Equals(key, id, StringComparison.OrdinalIgnoreCase)) is { } windowsId
            ? Tzdb.GetZoneOrNull(mapping[windowsId])
            : null;
    }

    private static DateTimeZone? FromDisplayName(string id)
    {
        var match = DisplayNamePattern().Match(id);
        if (!match.Success)
        {
            return null;
        }

        var offset = Offset.Zero;
        if (match.Groups["sign"].Success)
        {
            var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            offset = Offset.FromSeconds((match.Groups["sign"].Value == "-" ? -1 : 1) * ((hours * 3600) + (minutes * 60)));
        }

        var description = match.Groups["rest"].Value;
        if (OutlookZoneNames.WindowsIdByDescription.TryGetValue(LettersOnly(description), out var windowsId)
            && FromWindowsId(windowsId) is { } known)
        {
            return known;
        }

        foreach (var item in description.Split([',', '/', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var city = item.Replace('.', ' ').Trim().Replace(' ', '_');
            if (IdsByCity.Value.TryGetValue(city, out var zoneId) && Tzdb.GetZoneOrNull(zoneId) is { } zone && HasStandardOffset(zone, offset))
            {
                return zone;
            }
        }

        return null;
    }

    private static DateTimeZone? FromLocation(CalendarComponent? vtimezone)
    {
        var location = vtimezone?.GetProperty("X-LIC-LOCATION")?.Value.Trim();
        return string.IsNullOrEmpty(location) ? null : FindIana(location);
    }

    private static bool HasStandardOffset(DateTimeZone zone, Offset offset)
    {
        var instant = Instant.FromUtc(2024, 1, 15, 0, 0);
        var january = zone.GetZoneInterval(instant).StandardOffset;
        var july = zone.GetZoneInterval(Instant.FromUtc(2024, 7, 15, 0, 0)).StandardOffset;
        return january == offset || july == offset;
    }

    private static bool SameOffsets(DateTimeZone a, DateTimeZone b)
    {
        for (var year = 2000; year <= 2035; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                var instant = Instant.FromUtc(year, month, 1, 12, 0);
                if (a.GetUtcOffset(instant) != b.GetUtcOffset(instant))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string LettersOnly(string text) => string.Concat(text.Where(char.IsLetter).Select(char.ToLowerInvariant));

    [GeneratedRegex(@"^\((?:UTC|GMT)(?:(?<sign>[+-])(?<h>\d{1,2})[:.]?(?<m>\d{2}))?\)\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisplayNamePattern();
}
