using Scheduler.Gateway.Common;
using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;

namespace Scheduler.Gateway.Participants;

/// <summary>Checks participant bodies and maps them to profiles.</summary>
public static class ParticipantValidator
{
    private static readonly string[] Providers = ["ics", "caldav", "google", "microsoft"];

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

        errors.Require(FieldRules.IsKnownZone(body.TimeZone), "timeZone", body.TimeZone is null ? "Required (an IANA zone id such as Europe/Berlin)." : $"Unknown time zone '{body.TimeZone}'.");
        FieldRules.CheckWeeklyHours(errors, "workingHours", body.WorkingHours);
        FieldRules.CheckWeeklyHours(errors, "preferredTimes", body.PreferredTimes);
        CheckOverrides(errors, body.DateOverrides);
        CheckRange(errors, "bufferBeforeMinutes", body.BufferBeforeMinutes, 0, 240);
        CheckRange(errors, "bufferAfterMinutes", body.BufferAfterMinutes, 0, 240);
        CheckRange(errors, "maxInterviewsPerDay", body.MaxInterviewsPerDay, 0, 100);
        CheckRange(errors, "maxInterviewsPerWeek", body.MaxInterviewsPerWeek, 0, 500);
        CheckCalendars(errors, body.Calendars);
        return errors;
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

    private static void CheckRange(ValidationErrors errors, string field, int? value, int min, int max)
    {
        if (value is { } v)
        {
            errors.Require(v >= min && v <= max, field, $"Must be between {min} and {max}.");
        }
    }

    private static void CheckOverrides(ValidationErrors errors, IReadOnlyList<DateOverrideBody?>? overrides)
    {
        for (var i = 0; i < (overrides?.Count ?? 0); i++)
        {
            var path = FieldPath.Index("dateOverrides", i);
            var entry = overrides![i];
            if (!errors.Require(entry is not null, path, "Required."))
            {
                continue;
            }

            errors.Require(FieldRules.IsDate(entry!.Date), FieldPath.Member(path, "date"), "A date yyyy-MM-dd.");
            for (var h = 0; h < (entry.Hours?.Count ?? 0); h++)
            {
                var hoursPath = FieldPath.Index(FieldPath.Member(path, "hours"), h);
                var hours = entry.Hours![h];
                if (errors.Require(hours is not null, hoursPath, "Required."))
                {
                    errors.Require(FieldRules.IsLocalTime(hours!.Start), FieldPath.Member(hoursPath, "start"), "A local time HH:mm.");
                    errors.Require(FieldRules.IsLocalTime(hours.End), FieldPath.Member(hoursPath, "end"), "A local time HH:mm.");
                }
            }
        }
    }

    private static void CheckCalendars(ValidationErrors errors, IReadOnlyList<CalendarBody?>? calendars)
    {
        for (var i = 0; i < (calendars?.Count ?? 0); i++)
        {
            var path = FieldPath.Index("calendars", i);
            var calendar = calendars![i];
            if (!errors.Require(calendar is not null, path, "Required.")
                || !errors.Require(Providers.Contains(calendar!.Provider, StringComparer.Ordinal), FieldPath.Member(path, "provider"), "One of ics, caldav, google, microsoft."))
            {
                continue;
            }

            if (calendar.Provider is "ics" or "caldav")
            {
                errors.Require(
                    Uri.TryCreate(calendar.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                    FieldPath.Member(path, "url"),
                    "An absolute http or https URL.");
            }
            else
            {
                errors.Require(!string.IsNullOrWhiteSpace(calendar.AccountId), FieldPath.Member(path, "accountId"), "Required for this provider.");
            }
        }
    }
}
