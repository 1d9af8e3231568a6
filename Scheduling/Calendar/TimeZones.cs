using System.Diagnostics.CodeAnalysis;
using NodaTime.TimeZones;

namespace Scheduler.Scheduling.Calendar;

/// <summary>
/// Finds IANA zones by IANA id or by Windows zone name (as Outlook/Microsoft Graph report them),
/// using the CLDR Windows mapping that ships inside NodaTime's embedded TZDB.
/// </summary>
public static class TimeZones
{
    /// <summary>
    /// Maps a Windows zone name (e.g. <c>"Pacific Standard Time"</c>) to its primary IANA id
    /// (<c>"America/Los_Angeles"</c>), or returns an id that already is an IANA id unchanged.
    /// </summary>
    /// <param name="id">A Windows zone name or an IANA id.</param>
    /// <param name="ianaId">The IANA id when found.</param>
    /// <returns><see langword="true"/> when <paramref name="id"/> is a known IANA id or a mapped Windows name.</returns>
    public static bool TryGetIanaId(string? id, [NotNullWhen(true)] out string? ianaId)
    {
        ianaId = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        var source = TzdbDateTimeZoneSource.Default;
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null)
        {
            ianaId = id;
            return true;
        }

        if (source.WindowsMapping.PrimaryMapping.TryGetValue(id, out var mapped))
        {
            ianaId = mapped;
            return true;
        }

        return false;
    }

    /// <summary>Finds the zone for an IANA id or a Windows zone name, falling back to UTC (for showing times, never for scheduling).</summary>
    /// <param name="id">A Windows zone name or an IANA id; may be <see langword="null"/> or empty.</param>
    /// <returns>The zone (its <see cref="DateTimeZone.Id"/> the IANA id, e.g. <c>America/New_York</c> for <c>Eastern Standard Time</c>); UTC when <paramref name="id"/> is missing or unknown.</returns>
    public static DateTimeZone ZoneOrUtc(string? id) => TryGetIanaId(id, out var iana) ? DateTimeZoneProviders.Tzdb[iana] : DateTimeZone.Utc;

    /// <summary>Finds the zone for an IANA id or a Windows zone name.</summary>
    /// <param name="id">A Windows zone name or an IANA id.</param>
    /// <returns>The zone.</returns>
    /// <exception cref="DateTimeZoneNotFoundException">Neither TZDB nor the Windows mapping knows <paramref name="id"/>.</exception>
    public static DateTimeZone GetZone(string id)
    {
        if (TryGetIanaId(id, out var iana))
        {
            return DateTimeZoneProviders.Tzdb[iana];
        }

        throw new DateTimeZoneNotFoundException($"'{id}' is neither an IANA time zone id nor a known Windows time zone name.");
    }
}
