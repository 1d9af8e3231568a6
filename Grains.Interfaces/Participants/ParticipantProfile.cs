namespace Scheduler.Grains.Participants;

/// <summary>A participant's profile: who they are, when they work and what limits their interviews.</summary>
/// <param name="DisplayName">The name shown in messages and invites.</param>
/// <param name="Email">The email address invites and notifications go to; may be <see langword="null"/>.</param>
/// <param name="Kind">What the participant is.</param>
/// <param name="TimeZone">An IANA time zone id (a Windows zone name is accepted and mapped to IANA).</param>
/// <param name="WorkingHours">Weekly working hours in <paramref name="TimeZone"/>; empty means never available.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ParticipantProfile")]
public sealed record ParticipantProfile([property: Id(0)] string DisplayName, [property: Id(1)] string? Email, [property: Id(2)] ParticipantKind Kind, [property: Id(3)] string TimeZone, [property: Id(4)] IReadOnlyList<WeeklyHours> WorkingHours)
{
    /// <summary>Per-date replacements of the working hours.</summary>
    [Id(5)]
    public IReadOnlyList<DateOverrideSpec> DateOverrides { get; init; } = [];

    /// <summary>Minutes kept free before each interview, 0–240.</summary>
    [Id(6)]
    public int BufferBeforeMinutes { get; init; }

    /// <summary>Minutes kept free after each interview, 0–240.</summary>
    [Id(7)]
    public int BufferAfterMinutes { get; init; }

    /// <summary>Maximum interviews per local day (interviewers only); <see langword="null"/> for no limit.</summary>
    [Id(8)]
    public int? MaxInterviewsPerDay { get; init; }

    /// <summary>Maximum interviews per ISO week in local time (interviewers only); <see langword="null"/> for no limit.</summary>
    [Id(9)]
    public int? MaxInterviewsPerWeek { get; init; }

    /// <summary>Preferred times (soft) in <see cref="TimeZone"/>.</summary>
    [Id(10)]
    public IReadOnlyList<WeeklyHours> PreferredTimes { get; init; } = [];

    /// <summary>The Slack user id notifications go to; may be <see langword="null"/>.</summary>
    [Id(11)]
    public string? SlackUserId { get; init; }

    /// <summary>The calendars busy time is read from.</summary>
    [Id(12)]
    public IReadOnlyList<CalendarSpec> Calendars { get; init; } = [];
}
