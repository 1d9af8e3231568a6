namespace Scheduler.Grains.Participants;

/// <summary>One busy interval of a participant, unbuffered.</summary>
/// <param name="Start">The first busy instant (UTC).</param>
/// <param name="End">The end (exclusive, UTC).</param>
/// <param name="Source">Where it comes from.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.BusyInterval")]
public sealed record BusyInterval([property: Id(0)] DateTimeOffset Start, [property: Id(1)] DateTimeOffset End, [property: Id(2)] BusySourceKind Source)
{
    /// <summary>The request that holds or booked it (<see cref="BusySourceKind.Hold"/>, <see cref="BusySourceKind.Booking"/>); otherwise <see langword="null"/>.</summary>
    [Id(3)]
    public string? RequestId { get; init; }

    /// <summary>A label (block title or calendar name); may be <see langword="null"/>.</summary>
    [Id(4)]
    public string? Title { get; init; }

    /// <summary>
    /// The calendar it was read from (<see cref="BusySourceKind.Calendar"/>): the same label as <see cref="CalendarReadStatus.Calendar"/>
    /// (the URL with secrets removed, or <c>{provider}:{accountId}</c>); otherwise <see langword="null"/>.
    /// </summary>
    [Id(5)]
    public string? Calendar { get; init; }

    /// <summary>
    /// Whether the calendar event is one Scheduler wrote (its UID ends in <c>@scheduler</c>: an interview event, an invite
    /// taken into the calendar, a prep block); such an event is busy time but never a conflict with a booking.
    /// Known only for intervals read as events (<c>ics</c>, CalDAV), never set by free/busy answers.
    /// </summary>
    [Id(6)]
    public bool WrittenByScheduler { get; init; }
}
