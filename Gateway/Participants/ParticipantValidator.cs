using Scheduler.Grains.Calendars.Network;

namespace Scheduler.Gateway.Participants;

/// <summary>Checks participant bodies and maps them to profiles.</summary>
public static class ParticipantValidator
{
    /// <summary>The most date overrides a profile may hold (a year of days).</summary>
    public const int MaxDateOverrides = 366;

    /// <summary>The most hour ranges one date override may hold.</summary>
    public const int MaxHoursPerOverride = 10;

    /// <summary>The most calendars a profile may connect.</summary>
    public const int MaxCalendars = 10;

    /// <summary>The most calendar ids one Google or Microsoft calendar entry may name.</summary>
    public const int MaxCalendarIds = 50;

    /// <summary>Checks every field of <paramref name="body"/>.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The errors (empty when valid).</returns>
    public static ValidationErrors Validate(ParticipantBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(body.DisplayName) && body.DisplayName.Length <= 200, "displayName", "Required, 1–200 characters.");
        if (body.Email is not null)
        {
            errors.Require(FieldRules.IsEmailAddress(body.Email), "email", "Not an email address.");
        }

        errors.Require(FieldRules.IsKnownZone(body.TimeZone), "timeZone", body.TimeZone is null ? "Required (an IANA zone id such as Europe/Berlin)." : $"Unknown time zone '{FieldRules.Echo(body.TimeZone)}'.");
        FieldRules.CheckWeeklyHours(errors, "workingHours", body.WorkingHours);
        FieldRules.CheckWeeklyHours(errors, "preferredTimes", body.PreferredTimes);
        CheckOverrides(errors, body.DateOverrides);
        FieldRules.CheckRange(errors, "bufferBeforeMinutes", body.BufferBeforeMinutes, 0, 240);
        FieldRules.CheckRange(errors, "bufferAfterMinutes", body.BufferAfterMinutes, 0, 240);
        FieldRules.CheckRange(errors, "maxInterviewsPerDay", body.MaxInterviewsPerDay, 0, 100);
        FieldRules.CheckRange(errors, "maxInterviewsPerWeek", body.MaxInterviewsPerWeek, 0, 500);
        CheckCalendars(errors, body.Calendars);
        if (body.SlackUserId is not null)
        {
            errors.Require(body.SlackUserId.Length is > 0 and <= 32 && body.SlackUserId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), "slackUserId", "A Slack user id (1–32 letters, digits, - or _, e.g. U0123ABCD).");
        }

        return errors;
    }

    /// <summary>
    /// Checks that no iCalendar or CalDAV URL of a valid body points at a private, loopback or link-local host
    /// (<see cref="ICalendarHostCheck.CheckAsync"/>); the fetch checks again at every connection.
    /// </summary>
    /// <param name="errors">Where errors go (<c>calendars[i].url</c>).</param>
    /// <param name="body">A body without field errors.</param>
    /// <param name="hosts">The outbound policy of calendar fetches.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>A task that completes when checked.</returns>
    public static async Task CheckCalendarHostsAsync(ValidationErrors errors, ParticipantBody body, ICalendarHostCheck hosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(hosts);
        var calendars = body.Calendars ?? [];
        var checks = calendars.Select(c => c!.Provider is "ics" or "caldav" ? hosts.CheckAsync(new Uri(c.Url!), cancellationToken) : Task.FromResult<string?>(null)).ToArray();
        var reasons = await Task.WhenAll(checks);
        for (var i = 0; i < reasons.Length; i++)
        {
            if (reasons[i] is { } reason)
            {
                errors.Add(FieldPath.Member(FieldPath.Index("calendars", i), "url"), $"Refused: {reason}.");
            }
        }
    }

    /// <summary>Maps a valid body to a profile.</summary>
    /// <param name="body">A body for which <see cref="Validate"/> returned no error.</param>
    /// <returns>The profile.</returns>
    public static ParticipantProfile ToProfile(ParticipantBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new ParticipantProfile(body.DisplayName!.Trim(), body.Email, body.Kind ?? ParticipantKind.Interviewer, body.TimeZone!, ToWeekly(body.WorkingHours))
        {
            DateOverrides = [.. (body.DateOverrides ?? []).Select(o => new DateOverrideSpec(o!.Date!, [.. (o.Hours ?? []).Select(h => new LocalHours(h!.Start!, h.End!))]))],
            BufferBeforeMinutes = body.BufferBeforeMinutes ?? 0,
            BufferAfterMinutes = body.BufferAfterMinutes ?? 0,
            MaxInterviewsPerDay = body.MaxInterviewsPerDay,
            MaxInterviewsPerWeek = body.MaxInterviewsPerWeek,
            PreferredTimes = ToWeekly(body.PreferredTimes),
            SlackUserId = body.SlackUserId,
            Calendars = [.. (body.Calendars ?? []).Select(c => new CalendarSpec(c!.Provider!)
            {
                Url = c.Url,
                Username = c.Username,
                Password = c.Password,
                AccountId = c.AccountId,
                CalendarIds = c.CalendarIds ?? [],
                Mailbox = c.Mailbox,
            })],
        };
    }

    /// <summary>Maps valid weekly rule bodies.</summary>
    /// <param name="rules">The rules; <see langword="null"/> for none.</param>
    /// <returns>The rules.</returns>
    public static IReadOnlyList<WeeklyHours> ToWeekly(IReadOnlyList<WeeklyHoursBody?>? rules) =>
        [.. (rules ?? []).Select(r => new WeeklyHours([.. r!.Days!], r.Start!, r.End!))];

    private static void CheckOverrides(ValidationErrors errors, IReadOnlyList<DateOverrideBody?>? overrides)
    {
        var dates = new HashSet<string>(StringComparer.Ordinal);
        FieldRules.CheckEach(errors, "dateOverrides", overrides, MaxDateOverrides, $"At most {MaxDateOverrides} date overrides.", (path, entry) =>
        {
            if (errors.Require(FieldRules.IsDate(entry.Date), FieldPath.Member(path, "date"), "A date yyyy-MM-dd."))
            {
                errors.Require(dates.Add(entry.Date!), FieldPath.Member(path, "date"), $"{entry.Date} has another override; give each date one entry with all its hours.");
            }

            FieldRules.CheckEach(errors, FieldPath.Member(path, "hours"), entry.Hours, MaxHoursPerOverride, $"At most {MaxHoursPerOverride} ranges.", (hoursPath, hours) =>
            {
                errors.Require(FieldRules.IsLocalTime(hours.Start), FieldPath.Member(hoursPath, "start"), "A local time HH:mm.");
                errors.Require(FieldRules.IsLocalTime(hours.End), FieldPath.Member(hoursPath, "end"), "A local time HH:mm.");
            });
        });
    }

    private static void CheckCalendars(ValidationErrors errors, IReadOnlyList<CalendarBody?>? calendars) =>
        FieldRules.CheckEach(errors, "calendars", calendars, MaxCalendars, $"At most {MaxCalendars} calendars.", (path, calendar) =>
        {
            if (!errors.Require(CalendarProviders.IsKnown(calendar.Provider), FieldPath.Member(path, "provider"), $"One of {string.Join(", ", CalendarProviders.All)}."))
            {
                return;
            }

            if (calendar.Provider is "ics" or "caldav")
            {
                errors.Require(
                    calendar.Url is { Length: <= 2048 } && Uri.TryCreate(calendar.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                    FieldPath.Member(path, "url"),
                    "An absolute http or https URL of at most 2048 characters.");
                errors.Require(calendar.Username is null or { Length: <= 256 }, FieldPath.Member(path, "username"), "At most 256 characters.");
                errors.Require(calendar.Password is null or { Length: <= 1024 }, FieldPath.Member(path, "password"), "At most 1024 characters.");
            }
            else
            {
                errors.Require(!string.IsNullOrWhiteSpace(calendar.AccountId) && calendar.AccountId.Length <= 128, FieldPath.Member(path, "accountId"), "Required for this provider, at most 128 characters.");
                errors.Require((calendar.CalendarIds?.Count ?? 0) <= MaxCalendarIds && (calendar.CalendarIds ?? []).All(id => id is { Length: > 0 and <= 1024 }), FieldPath.Member(path, "calendarIds"), $"At most {MaxCalendarIds} ids of 1–1024 characters.");
                errors.Require(calendar.Mailbox is null || FieldRules.IsEmailAddress(calendar.Mailbox), FieldPath.Member(path, "mailbox"), "An email address.");
            }
        });
}
