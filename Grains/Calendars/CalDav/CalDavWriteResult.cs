namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>The outcome of a CalDAV PUT.</summary>
/// <param name="Status">What happened.</param>
/// <param name="ETag">The new entity tag when the server returned one (use it for the next <c>If-Match</c>); otherwise <see langword="null"/>.</param>
public sealed record CalDavWriteResult(CalDavWriteStatus Status, string? ETag);
