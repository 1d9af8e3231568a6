namespace Scheduler.Gateway.Participants;

/// <summary>The body of <c>PUT /v1/participants/{id}</c>: the whole profile (create or replace).</summary>
public sealed record ParticipantBody
{
    /// <summary>The name shown in messages and invites; required, 1–200 characters.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The email address invites go to; optional.</summary>
    public string? Email { get; init; }

    /// <summary><c>candidate</c>, <c>interviewer</c>, <c>coordinator</c> or <c>room</c>; default <c>interviewer</c>.</summary>
    public ParticipantKind? Kind { get; init; }

    /// <summary>An IANA time zone id (e.g. <c>Europe/Berlin</c>); required.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Weekly working hours in <c>timeZone</c>; empty or absent means never available.</summary>
    public IReadOnlyList<WeeklyHoursBody?>? WorkingHours { get; init; }

    /// <summary>Per-date replacements of the working hours.</summary>
    public IReadOnlyList<DateOverrideBody?>? DateOverrides { get; init; }

    /// <summary>Minutes kept free before each interview, 0–240; default 0.</summary>
    public int? BufferBeforeMinutes { get; init; }

    /// <summary>Minutes kept free after each interview, 0–240; default 0.</summary>
    public int? BufferAfterMinutes { get; init; }

    /// <summary>Maximum interviews per local day, 0–100; absent for no limit.</summary>
    public int? MaxInterviewsPerDay { get; init; }

    /// <summary>Maximum interviews per ISO week, 0–500; absent for no limit.</summary>
    public int? MaxInterviewsPerWeek { get; init; }

    /// <summary>Preferred times (soft) in <c>timeZone</c>.</summary>
    public IReadOnlyList<WeeklyHoursBody?>? PreferredTimes { get; init; }

    /// <summary>The Slack user id notifications go to.</summary>
    public string? SlackUserId { get; init; }

    /// <summary>The calendars busy time is read from.</summary>
    public IReadOnlyList<CalendarBody?>? Calendars { get; init; }
}
