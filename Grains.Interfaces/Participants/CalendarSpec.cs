namespace Scheduler.Grains.Participants;

/// <summary>
/// A calendar a participant's busy time is read from. Which fields apply depends on
/// <see cref="Provider"/>: <c>ics</c> (<see cref="Url"/>), <c>caldav</c> (<see cref="Url"/>,
/// <see cref="Username"/>, <see cref="Password"/>), <c>google</c> (<see cref="AccountId"/>,
/// <see cref="CalendarIds"/>), <c>microsoft</c> (<see cref="AccountId"/>, <see cref="Mailbox"/>).
/// </summary>
/// <param name="Provider"><c>ics</c>, <c>caldav</c>, <c>google</c> or <c>microsoft</c>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.CalendarSpec")]
public sealed record CalendarSpec([property: Id(0)] string Provider)
{
    /// <summary>The feed or server URL (<c>ics</c>, <c>caldav</c>).</summary>
    [Id(1)]
    public string? Url { get; init; }

    /// <summary>The user name (<c>caldav</c>).</summary>
    [Id(2)]
    public string? Username { get; init; }

    /// <summary>The password (<c>caldav</c>). Write-only: never returned by <see cref="IParticipantGrain.GetProfile"/>.</summary>
    [Id(3)]
    public string? Password { get; init; }

    /// <summary>Whether a password is stored (the password itself is never returned).</summary>
    [Id(4)]
    public bool HasPassword { get; init; }

    /// <summary>The connected calendar account (<c>google</c>, <c>microsoft</c>).</summary>
    [Id(5)]
    public string? AccountId { get; init; }

    /// <summary>The calendars to read (<c>google</c>); empty means the primary calendar.</summary>
    [Id(6)]
    public IReadOnlyList<string> CalendarIds { get; init; } = [];

    /// <summary>The mailbox to read (<c>microsoft</c>).</summary>
    [Id(7)]
    public string? Mailbox { get; init; }
}
