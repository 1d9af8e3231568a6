namespace Scheduler.ICalendar.Writing;

/// <summary>An <c>ATTENDEE</c> of an invite (RFC 5545 §3.8.4.1).</summary>
/// <param name="Email">Email address, without <c>mailto:</c>; must not be empty.</param>
/// <param name="CommonName">Display name (<c>CN</c>), or <see langword="null"/>.</param>
/// <param name="Role">The <c>ROLE</c>.</param>
/// <param name="Status">The <c>PARTSTAT</c>.</param>
/// <param name="Rsvp">Whether a reply is expected (<c>RSVP=TRUE</c>).</param>
public sealed record ItipAttendee(
    string Email,
    string? CommonName = null,
    AttendeeRole Role = AttendeeRole.RequiredParticipant,
    ParticipationStatus Status = ParticipationStatus.NeedsAction,
    bool Rsvp = true);
