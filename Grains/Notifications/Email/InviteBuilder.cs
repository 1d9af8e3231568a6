using NodaTime;
using Scheduler.Grains.Notifications.Email.Calendar;
using Scheduler.ICalendar.Writing;
using Scheduler.Scheduling.Calendar;

namespace Scheduler.Grains.Notifications.Email;

/// <summary>
/// Builds the iTIP invite of an interview notification (RFC 5546): <c>REQUEST</c> for booked and rescheduled
/// (the reschedule carries the higher <c>SEQUENCE</c>, §2.1.4), <c>CANCEL</c> for cancelled (§3.2.5); one UID per
/// interview (<see cref="MessageIds.InviteUid"/>); the scheduler is the <c>ORGANIZER</c>, the attendees are
/// <c>ATTENDEE</c>s with <c>RSVP=TRUE</c>. Times are in the candidate's zone: <c>DTSTART</c>/<c>DTEND</c> with
/// <c>TZID</c> and the matching <c>VTIMEZONE</c> (<see cref="InviteZone"/>); UTC when there is no candidate with a known
/// zone, or the zone is UTC.
/// </summary>
public static class InviteBuilder
{
    /// <summary>Whether a kind of notification carries an invite.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for booked, rescheduled, updated and cancelled.</returns>
    public static bool CarriesInvite(NotificationKind kind) =>
        kind is NotificationKind.Booked or NotificationKind.Rescheduled or NotificationKind.Updated or NotificationKind.Cancelled;

    /// <summary>Builds the invite, or returns <see langword="null"/> when the kind carries none.</summary>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
    /// <param name="notification">The notification; its <see cref="InterviewNotification.Slot"/> is required for kinds with an invite.</param>
    /// <param name="organizerEmail">The organizer's address.</param>
    /// <param name="organizerName">The organizer's name.</param>
    /// <param name="stamp">The <c>DTSTAMP</c>: when the message is composed.</param>
    /// <returns>The attachment, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The slot is missing or empty.</exception>
    public static CalendarAttachment? Build(string requestKey, InterviewNotification notification, string organizerEmail, string organizerName, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!CarriesInvite(notification.Kind))
        {
            return null;
        }

        var slot = notification.Slot ?? throw new ArgumentException($"A {notification.Kind} notification needs a slot.", nameof(notification));
        var cancel = notification.Kind == NotificationKind.Cancelled;
        var invite = new ItipInvite
        {
            Method = cancel ? ItipMethod.Cancel : ItipMethod.Request,
            Uid = MessageIds.InviteUid(requestKey),
            Sequence = notification.Sequence,
            Stamp = Instant.FromDateTimeOffset(stamp),
            Start = Instant.FromDateTimeOffset(slot.Start),
            End = Instant.FromDateTimeOffset(slot.End),
            Organizer = new ItipOrganizer(organizerEmail, organizerName),
            Attendees = [.. AttendeesOf(notification).Select(a => new ItipAttendee(a.Email!, a.DisplayName))],
            Summary = notification.Title,
            Description = notification.Reason,
            Location = notification.Location ?? notification.Url, // a video link is where a remote interview takes place
            Url = notification.Url is { Length: > 0 } url ? new Uri(url, UriKind.Absolute) : null,
        };
        var zone = TimeZones.ZoneOrUtc(ZoneOf(notification));
        return new CalendarAttachment(cancel ? "CANCEL" : "REQUEST", InviteZone.Apply(ItipWriter.Write(invite), zone, invite.Start, invite.End));
    }

    /// <summary>The zone the invite is written in: the candidate's (attendees first, then recipients).</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The zone id as stored on the profile (an IANA id or a Windows zone name, resolved by <see cref="TimeZones.ZoneOrUtc"/> to the IANA zone whose id is the invite's <c>TZID</c>), or <see langword="null"/> when there is no candidate.</returns>
    public static string? ZoneOf(InterviewNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Attendees.Concat(notification.Recipients).FirstOrDefault(r => r.Role == RecipientRole.Candidate)?.TimeZone;
    }

    /// <summary>The attendees of the invite: <see cref="InterviewNotification.Attendees"/>, else the candidate and interviewer recipients; only those with an email address.</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The attendees, without duplicates by id.</returns>
    public static IReadOnlyList<NotificationRecipient> AttendeesOf(InterviewNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var source = notification.Attendees.Count > 0
            ? notification.Attendees
            : notification.Recipients.Where(r => r.Role != RecipientRole.Recruiter);
        return [.. source.Where(r => !string.IsNullOrWhiteSpace(r.Email)).DistinctBy(r => r.Id, StringComparer.Ordinal)];
    }
}
