using Scheduler.Grains.Calendars;

namespace Scheduler.Gateway.Participants;

/// <summary>A participant as stored.</summary>
/// <param name="Id">The participant id.</param>
/// <param name="DisplayName">The display name.</param>
/// <param name="Email">The email address.</param>
/// <param name="Kind">What the participant is.</param>
/// <param name="TimeZone">The IANA zone id.</param>
/// <param name="WorkingHours">Weekly working hours (local time).</param>
/// <param name="DateOverrides">Per-date working hours.</param>
/// <param name="BufferBeforeMinutes">Minutes kept free before interviews.</param>
/// <param name="BufferAfterMinutes">Minutes kept free after interviews.</param>
/// <param name="MaxInterviewsPerDay">Daily cap; <see langword="null"/> for none.</param>
/// <param name="MaxInterviewsPerWeek">Weekly cap; <see langword="null"/> for none.</param>
/// <param name="PreferredTimes">Preferred times (local time).</param>
/// <param name="SlackUserId">The Slack user id.</param>
/// <param name="Calendars">The calendars, without secrets.</param>
public sealed record ParticipantResponse(
    string Id,
    string DisplayName,
    string? Email,
    ParticipantKind Kind,
    string TimeZone,
    IReadOnlyList<WeeklyHours> WorkingHours,
    IReadOnlyList<DateOverrideSpec> DateOverrides,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int? MaxInterviewsPerDay,
    int? MaxInterviewsPerWeek,
    IReadOnlyList<WeeklyHours> PreferredTimes,
    string? SlackUserId,
    IReadOnlyList<CalendarResponse> Calendars)
{
    /// <summary>Builds the response from a stored profile.</summary>
    /// <param name="id">The participant id.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The response.</returns>
    public static ParticipantResponse From(string id, ParticipantProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ParticipantResponse(
            id,
            profile.DisplayName,
            profile.Email,
            profile.Kind,
            profile.TimeZone,
            profile.WorkingHours,
            profile.DateOverrides,
            profile.BufferBeforeMinutes,
            profile.BufferAfterMinutes,
            profile.MaxInterviewsPerDay,
            profile.MaxInterviewsPerWeek,
            profile.PreferredTimes,
            profile.SlackUserId,
            [.. profile.Calendars.Select(c => new CalendarResponse(c.Provider, c.Url, c.Username, c.HasPassword || c.Password is not null, c.AccountId, c.CalendarIds, c.Mailbox))]);
    }

    /// <summary>
    /// The response for a reader who may not change the profile: every calendar URL cut to scheme and host
    /// (<see cref="CalendarUrl.Redact"/>, e.g. <c>https://calendar.example.com/…</c>), since a secret-address feed carries
    /// its credential in the URL.
    /// </summary>
    /// <returns>A copy with the URLs cut.</returns>
    public ParticipantResponse WithoutCalendarUrls() =>
        this with { Calendars = [.. Calendars.Select(c => c.Url is null ? c : c with { Url = CalendarUrl.Redact(c.Url) })] };
}
