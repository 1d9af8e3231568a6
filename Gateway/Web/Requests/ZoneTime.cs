using System.Globalization;
using NodaTime;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Gateway.Web.Requests;

/// <summary>Shows instants in a person's time zone, by the engine's zone lookup (<see cref="TimeZones"/>).</summary>
public static class ZoneTime
{
    /// <summary>Formats an instant as local date and time in a zone, e.g. <c>Mon 8 Dec 2026 14:00</c>.</summary>
    /// <param name="instant">The instant (any offset).</param>
    /// <param name="zoneId">An IANA id or Windows zone name; an unknown or missing zone shows UTC.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset instant, string? zoneId) =>
        Instant.FromDateTimeOffset(instant).InZone(TimeZones.ZoneOrUtc(zoneId)).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Formats an instant as the local time of day in a zone, <c>HH:mm</c>.</summary>
    /// <param name="instant">The instant (any offset).</param>
    /// <param name="zoneId">An IANA id or Windows zone name; an unknown or missing zone shows UTC.</param>
    /// <returns>The text.</returns>
    public static string Clock(DateTimeOffset instant, string? zoneId) =>
        Instant.FromDateTimeOffset(instant).InZone(TimeZones.ZoneOrUtc(zoneId)).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone id shown beside times: the IANA id, or <c>UTC</c> when unknown.</summary>
    /// <param name="zoneId">An IANA id or Windows zone name.</param>
    /// <returns>The id.</returns>
    public static string Name(string? zoneId) => TimeZones.TryGetIanaId(zoneId, out var iana) ? iana : "UTC";

    /// <summary>The instant of a local date and time in a zone (as a <c>datetime-local</c> input gives it); a time skipped by a DST gap moves forward by the gap, a repeated one takes the earlier instant.</summary>
    /// <param name="local">The wall-clock date and time (its <see cref="DateTime.Kind"/> is ignored).</param>
    /// <param name="zoneId">An IANA id or Windows zone name; an unknown or missing zone reads it as UTC.</param>
    /// <returns>The instant, with offset zero.</returns>
    public static DateTimeOffset ToInstant(DateTime local, string? zoneId) =>
        LocalDateTime.FromDateTime(local).InZoneLeniently(TimeZones.ZoneOrUtc(zoneId)).ToInstant().ToDateTimeOffset();
}
