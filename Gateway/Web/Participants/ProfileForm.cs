using Scheduler.Gateway.Participants;

namespace Scheduler.Gateway.Web.Participants;

/// <summary>
/// The profile form of a participant's page: the fields a person edits (name, email, kind, zone, working hours, buffers,
/// caps, Slack id), with what the form does not edit (date overrides, preferred times, calendars) kept as stored. It
/// becomes the body of <c>PUT /v1/participants/{id}</c>, so <see cref="ParticipantValidator"/> judges it and
/// <see cref="ParticipantWriter"/> stores it, exactly as for the API.
/// </summary>
public sealed class ProfileForm
{
    private ParticipantProfile _stored = default!;

    /// <summary>The display name.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The email address; empty for none.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>What the participant is.</summary>
    public ParticipantKind Kind { get; set; }

    /// <summary>The IANA zone id.</summary>
    public string TimeZone { get; set; } = string.Empty;

    /// <summary>The weekly working hours.</summary>
    public List<WorkingHoursRow> WorkingHours { get; } = [];

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

    /// <summary>The form filled from a stored profile.</summary>
    /// <param name="profile">The profile (secrets removed, as <see cref="IParticipantGrain.GetProfile"/> answers).</param>
    /// <returns>The form.</returns>
    public static ProfileForm From(ParticipantProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var form = new ProfileForm
        {
            _stored = profile,
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
        foreach (var rule in profile.WorkingHours)
        {
            var row = new WorkingHoursRow { Start = rule.Start, End = rule.End };
            row.Days.UnionWith(rule.Days);
            form.WorkingHours.Add(row);
        }

        return form;
    }

    /// <summary>The body of <c>PUT /v1/participants/{id}</c>: the edited fields, and the rest as stored (a calendar's password left out keeps the stored one).</summary>
    /// <returns>The body.</returns>
    public ParticipantBody ToBody() => new()
    {
        DisplayName = DisplayName,
        Email = OrNull(Email),
        Kind = Kind,
        TimeZone = TimeZone,
        WorkingHours = [.. WorkingHours.Select(r => new WeeklyHoursBody { Days = [.. FieldRules.Days.Where(r.Days.Contains)], Start = r.Start, End = r.End })],
        DateOverrides = [.. _stored.DateOverrides.Select(o => new DateOverrideBody { Date = o.Date, Hours = [.. o.Hours.Select(h => new LocalHoursBody { Start = h.Start, End = h.End })] })],
        BufferBeforeMinutes = BufferBeforeMinutes,
        BufferAfterMinutes = BufferAfterMinutes,
        MaxInterviewsPerDay = MaxInterviewsPerDay,
        MaxInterviewsPerWeek = MaxInterviewsPerWeek,
        PreferredTimes = [.. _stored.PreferredTimes.Select(r => new WeeklyHoursBody { Days = r.Days, Start = r.Start, End = r.End })],
        SlackUserId = OrNull(SlackUserId),
        Calendars = [.. _stored.Calendars.Select(c => new CalendarBody { Provider = c.Provider, Url = c.Url, Username = c.Username, AccountId = c.AccountId, CalendarIds = c.CalendarIds, Mailbox = c.Mailbox })],
    };

    /// <summary>Checks the form by the API's rules (<see cref="ParticipantValidator.Validate"/>).</summary>
    /// <returns>Messages by field path of the body (<c>timeZone</c>, <c>workingHours[0].start</c>, …); empty when valid.</returns>
    public IReadOnlyDictionary<string, string[]> Validate() => ParticipantValidator.Validate(ToBody()).ToDictionary();

    private static string? OrNull(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
