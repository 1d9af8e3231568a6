using Scheduler.ICalendar;

namespace Scheduler.Grains.Calendars.Ics;

/// <summary>The last good copy of an <c>ics</c> feed and its validators (RFC 9110 §8.8; RFC 7232).</summary>
/// <param name="Calendar">The parsed feed.</param>
/// <param name="ETag">The entity tag the server sent (sent back as <c>If-None-Match</c>), or <see langword="null"/>.</param>
/// <param name="LastModified">The server's <c>Last-Modified</c> (sent back as <c>If-Modified-Since</c>), or the file's write time; <see langword="null"/> when unknown.</param>
/// <param name="FetchedAt">When the copy was last confirmed current (a 304 refreshes it).</param>
public sealed record IcsFeedSnapshot(VCalendar Calendar, string? ETag, DateTimeOffset? LastModified, DateTimeOffset FetchedAt);
