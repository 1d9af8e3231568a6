namespace Scheduler.Grains;

/// <summary>A participant's profile: who they are, when they work and what limits their interviews.</summary>
/// <param name="DisplayName">The name shown in messages and invites.</param>
/// <param name="Email">The email address invites and notifications go to; may be <see langword="null"/>.</param>
/// <param name="Kind">What the participant is.</param>
/// <param name="TimeZone">An IANA time zone id (a Windows zone name is accepted and mapped to IANA).</param>
/// <param name="WorkingHours">Weekly working hours in <paramref name="TimeZone"/>; empty means never available.</param>
public sealed record ParticipantProfile(string DisplayName, string? Email, ParticipantKind Kind, string TimeZone, IReadOnlyList<WeeklyHours> WorkingHours)
{
    /// <summary>Per-date replacements of the working hours.</summary>
    public IReadOnlyList<DateOverrideSpec> DateOverrides { get; init; } = [];

    /// <summary>Minutes kept free before each interview, 0–240.</summary>
    public int BufferBeforeMinutes { get; init; }

    /// <summary>Minutes kept free after each interview, 0–240.</summary>
    public int BufferAfterMinutes { get; init; }

    /// <summary>Maximum interviews per local day (interviewers only); <see langword="null"/> for no limit.</summary>
    public int? MaxInterviewsPerDay { get; init; }

    /// <summary>Maximum interviews per ISO week in local time (interviewers only); <see langword="null"/> for no limit.</summary>
    public int? MaxInterviewsPerWeek { get; init; }

    /// <summary>Preferred times (soft) in <see cref="TimeZone"/>.</summary>
    public IReadOnlyList<WeeklyHours> PreferredTimes { get; init; } = [];

    /// <summary>The Slack user id notifications go to; may be <see langword="null"/>.</summary>
    public string? SlackUserId { get; init; }

    /// <summary>The calendars busy time is read from.</summary>
    public IReadOnlyList<CalendarSpec> Calendars { get; init; } = [];
}
