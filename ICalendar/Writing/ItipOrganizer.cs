namespace Scheduler.ICalendar.Writing;

/// <summary>The <c>ORGANIZER</c> of an invite (RFC 5545 §3.8.4.3).</summary>
/// <param name="Email">Email address, without <c>mailto:</c>; must not be empty.</param>
/// <param name="CommonName">Display name (<c>CN</c>), or <see langword="null"/>.</param>
public sealed record ItipOrganizer(string Email, string? CommonName = null);
