namespace Scheduler.ICalendar.Writing;

/// <summary>
/// One event of an iTIP <c>PUBLISH</c> (RFC 5546 §3.2.1), written by <see cref="PublishWriter"/>: an event the
/// receiver adds to its own calendar, with no attendees and no reply expected. A later <c>PUBLISH</c> with the same
/// <see cref="Uid"/> and a higher <see cref="Sequence"/> replaces it; one with <see cref="Withdrawn"/> set removes it.
/// </summary>
public sealed record PublishedEvent
{
    /// <summary>The stable UID (RFC 5545 §3.8.4.7); must not be empty.</summary>
    public required string Uid { get; init; }

    /// <summary>The revision (RFC 5545 §3.8.7.4), 0 or more; increase it on every change.</summary>
    public int Sequence { get; init; }

    /// <summary>Start (UTC instant).</summary>
    public required Instant Start { get; init; }

    /// <summary>End; after <see cref="Start"/>.</summary>
    public required Instant End { get; init; }

    /// <summary>The title (<c>SUMMARY</c>).</summary>
    public required string Summary { get; init; }

    /// <summary>The <c>DESCRIPTION</c>, or <see langword="null"/>; may contain line breaks.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Whether the event is withdrawn: written with <c>STATUS:CANCELLED</c> and <c>TRANSP:TRANSPARENT</c>, which
    /// RFC 5546 §3.2.1 allows in a <c>PUBLISH</c>, so the receiver's copy stops being busy.
    /// </summary>
    public bool Withdrawn { get; init; }
}
