namespace Scheduler.ICalendar.Events;

/// <summary>
/// One VEVENT as read (RFC 5545 §3.6.1): a master event (possibly recurring) or, when
/// <see cref="RecurrenceId"/> is set, an override of one occurrence (§3.8.4.4). TEXT values
/// are decoded. Occurrences are computed by <see cref="VCalendar.GetOccurrences"/>.
/// </summary>
public sealed record CalendarEvent
{
    /// <summary>The <c>UID</c>; empty when the event has none.</summary>
    public required string Uid { get; init; }

    /// <summary>The <c>DTSTART</c>.</summary>
    public required CalendarDateTime Start { get; init; }

    /// <summary>The <c>DTEND</c> when present and valid (not before DTSTART), else <see langword="null"/>.</summary>
    public CalendarDateTime? End { get; init; }

    /// <summary>The <c>DURATION</c> when present, valid, and DTEND is absent; else <see langword="null"/>.</summary>
    public CalendarDuration? Duration { get; init; }

    /// <summary>The decoded <c>SUMMARY</c>, or <see langword="null"/>.</summary>
    public string? Summary { get; init; }

    /// <summary>The decoded <c>DESCRIPTION</c>, or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>The decoded <c>LOCATION</c>, or <see langword="null"/>.</summary>
    public string? Location { get; init; }

    /// <summary>The <c>STATUS</c>.</summary>
    public EventStatus Status { get; init; }

    /// <summary>The <c>TRANSP</c>; <see cref="EventTransparency.Opaque"/> when absent.</summary>
    public EventTransparency Transparency { get; init; }

    /// <summary>The <c>SEQUENCE</c> (RFC 5545 §3.8.7.4), 0 when absent.</summary>
    public int Sequence { get; init; }

    /// <summary>The <c>RRULE</c>s that could be read (RFC 5545 allows one; several are expanded as a union, as RFC 2445 allowed).</summary>
    public IReadOnlyList<RecurrenceRule> RecurrenceRules { get; init; } = [];

    /// <summary>
    /// The <c>RDATE</c> values (RFC 5545 §3.8.5.2). For a plain date or date-time both
    /// <see cref="CalendarPeriod.End"/> and <see cref="CalendarPeriod.Duration"/> are <see langword="null"/>
    /// and the occurrence takes the event's duration; a PERIOD carries its own.
    /// </summary>
    public IReadOnlyList<CalendarPeriod> RecurrenceDates { get; init; } = [];

    /// <summary>The <c>EXDATE</c> values (RFC 5545 §3.8.5.1).</summary>
    public IReadOnlyList<CalendarDateTime> ExceptionDates { get; init; } = [];

    /// <summary>The <c>RECURRENCE-ID</c> (original start of the occurrence this event overrides), or <see langword="null"/> for a master event.</summary>
    public CalendarDateTime? RecurrenceId { get; init; }

    /// <summary>Whether the RECURRENCE-ID has <c>RANGE=THISANDFUTURE</c> (RFC 5545 §3.2.13): the override also applies to every later occurrence.</summary>
    public bool ThisAndFuture { get; init; }

    /// <summary>Whether the event is recurring (has an RRULE or an RDATE).</summary>
    public bool IsRecurring => RecurrenceRules.Count > 0 || RecurrenceDates.Count > 0;

    /// <summary>Whether the event is an all-day event (its DTSTART is a DATE).</summary>
    public bool IsAllDay => Start.IsDate;

    /// <summary>The component this event was read from (for properties not modelled here).</summary>
    public required CalendarComponent Component { get; init; }
}
