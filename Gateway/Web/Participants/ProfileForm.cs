using Scheduler.Gateway.Participants;

namespace Scheduler.Gateway.Web.Participants;

/// <summary>
/// The profile form of a participant's page: every field of the profile (name, email, kind, zone, working hours, date
/// overrides, preferred times, buffers, caps, Slack id, calendars). It becomes the body of <c>PUT /v1/participants/{id}</c>,
/// so <see cref="ParticipantValidator"/> judges it and <see cref="ParticipantWriter"/> stores it, exactly as for the API.
/// </summary>
public sealed class ProfileForm
{
    /// <summary>The display name.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The email address; empty for none.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>What the participant is.</summary>
    public ParticipantKind Kind { get; set; }

    /// <summary>The IANA zone id.</summary>
    public string TimeZone { get; set; } = string.Empty;

    /// <summary>The weekly working hours.</summary>
    public List<WeeklyHoursRow> WorkingHours { get; } = [];

    /// <summary>The per-date replacements of the working hours.</summary>
    public List<DateOverrideRow> DateOverrides { get; } = [];

    /// <summary>The weekly preferred times (soft).</summary>
    public List<WeeklyHoursRow> PreferredTimes { get; } = [];

    /// <summary>Minutes kept free before each interview.</summary>
    public int BufferBeforeMinutes { get; set; }

    /// <summary>Minutes kept free after each interview.</summary>
    public int BufferAfterMinutes { get; set; }

    /// <summary>The daily cap; <see langword="null"/> for none.</summary>
    public int? MaxInterviewsPerDay { get; set; }

    /// <summary>The weekly cap; <see langword="null"/> for none.</summary>
    public int? MaxInterviewsPerWeek { get; set; }

    /// <summary>The Slack user id; empty for none.</summary>
    public string SlackUserId { get; set; } = string.Empty;

    /// <summary>The calendars busy time is read from: the stored ones not removed, then the feeds added.</summary>
    public List<CalendarRow> Calendars { get; } = [];

    /// <summary>The form filled from a stored profile.</summary>
    /// <param name="profile">The profile (secrets removed, as <see cref="IParticipantGrain.GetProfile"/> answers).</param>
    /// <returns>The form.</returns>
    public static ProfileForm From(ParticipantProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var form = new ProfileForm
        {
            DisplayName = profile.DisplayName,
            Email = profile.Email ?? string.Empty,
            Kind = profile.Kind,
            TimeZone = profile.TimeZone,
            BufferBeforeMinutes = profile.BufferBeforeMinutes,
            BufferAfterMinutes = profile.BufferAfterMinutes,
            MaxInterviewsPerDay = profile.MaxInterviewsPerDay,
            MaxInterviewsPerWeek = profile.MaxInterviewsPerWeek,
            SlackUserId = profile.SlackUserId ?? string.Empty,
        };
        form.WorkingHours.AddRange(profile.WorkingHours.Select(WeeklyHoursRow.From));
        form.DateOverrides.AddRange(profile.DateOverrides.Select(DateOverrideRow.From));
        form.PreferredTimes.AddRange(profile.PreferredTimes.Select(WeeklyHoursRow.From));
        form.Calendars.AddRange(profile.Calendars.Select(CalendarRow.From));
        return form;
    }

    /// <summary>The body of <c>PUT /v1/participants/{id}</c> (a calendar's password left out keeps the stored one).</summary>
    /// <returns>The body.</returns>
    public ParticipantBody ToBody() => new()
    {
        DisplayName = DisplayName,
        Email = OrNull(Email),
        Kind = Kind,
        TimeZone = TimeZone,
        WorkingHours = [.. WorkingHours.Select(r => r.ToBody())],
        DateOverrides = [.. DateOverrides.Select(o => o.ToBody())],
        BufferBeforeMinutes = BufferBeforeMinutes,
        BufferAfterMinutes = BufferAfterMinutes,
        MaxInterviewsPerDay = MaxInterviewsPerDay,
        MaxInterviewsPerWeek = MaxInterviewsPerWeek,
        PreferredTimes = [.. PreferredTimes.Select(r => r.ToBody())],
        SlackUserId = OrNull(SlackUserId),
        Calendars = [.. Calendars.Select(c => c.ToBody())],
    };

    /// <summary>Checks the form by the API's rules (<see cref="ParticipantValidator.Validate"/>).</summary>
    /// <returns>Messages by field path of the body (<c>timeZone</c>, <c>preferredTimes[0].start</c>, …); empty when valid.</returns>
    public IReadOnlyDictionary<string, string[]> Validate() => ParticipantValidator.Validate(ToBody()).ToDictionary();

    /// <summary>A typed text trimmed, or <see langword="null"/> when nothing but white space was typed (the body leaves it out).</summary>
    internal static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
