using Scheduler.ICalendar.Events;

namespace Scheduler.ICalendar.Writing;

/// <summary>
/// What an iTIP invite says (RFC 5546): one meeting, written by <see cref="ItipWriter"/> as a
/// VCALENDAR with one VEVENT whose times are UTC (RFC 5545 §3.3.5 form #2), so no VTIMEZONE is
/// needed. A reschedule sends the same <see cref="Uid"/> with a higher <see cref="Sequence"/>; a
/// cancellation sends <see cref="ItipMethod.Cancel"/> with a higher sequence.
/// </summary>
public sealed record ItipInvite
{
    /// <summary>REQUEST or CANCEL.</summary>
    public required ItipMethod Method { get; init; }

    /// <summary>The stable UID of the meeting (RFC 5545 §3.8.4.7); must not be empty.</summary>
    public required string Uid { get; init; }

    /// <summary>The revision (RFC 5545 §3.8.7.4), 0 or more; increase it on every change.</summary>
    public int Sequence { get; init; }

    /// <summary>When this message was created (<c>DTSTAMP</c>, RFC 5545 §3.8.7.2); passed in by the caller.</summary>
    public required Instant Stamp { get; init; }

    /// <summary>Meeting start.</summary>
    public required Instant Start { get; init; }

    /// <summary>Meeting end; after <see cref="Start"/>.</summary>
    public required Instant End { get; init; }

    /// <summary>The organizer.</summary>
    public required ItipOrganizer Organizer { get; init; }

    /// <summary>The attendees, in the order they are written.</summary>
    public IReadOnlyList<ItipAttendee> Attendees { get; init; } = [];

    /// <summary>The title (<c>SUMMARY</c>).</summary>
    public required string Summary { get; init; }

    /// <summary>The <c>DESCRIPTION</c>, or <see langword="null"/>; may contain line breaks.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>LOCATION</c>, or <see langword="null"/>.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>URL</c> (e.g. a video-call link), or <see langword="null"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>The <c>STATUS</c>; when <see langword="null"/>, CONFIRMED for a request and CANCELLED for a cancellation.</summary>
    public EventStatus? Status { get; init; }

    /// <summary>The <c>PRODID</c> of the calendar (RFC 5545 §3.7.3).</summary>
    public string ProductId { get; init; } = "-//Scheduler//Scheduler.ICalendar//EN";
}
