namespace Scheduler.Grains.Calendars.CalDav.Writing;

/// <summary>One event a <see cref="CalDavWriterGrain"/> put on a server.</summary>
/// <param name="CalendarUrl">The collection URL.</param>
/// <param name="Uid">The event's UID (its resource is <c>{collection}/{uid}.ics</c>).</param>
/// <param name="ETag">The entity tag the server returned for the last write, if any.</param>
[GenerateSerializer, Alias("Scheduler.Grains.Calendars.CalDavWrittenEvent")]
public sealed record CalDavWrittenEvent([property: Id(0)] string CalendarUrl, [property: Id(1)] string Uid, [property: Id(2)] string? ETag);
