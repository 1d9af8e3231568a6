using Scheduler.Grains.Calendars;

namespace Scheduler.Grains.Participants;

/// <summary>Checks a participant profile before it is stored.</summary>
public static class ProfileValidator
{
    /// <summary>Validates every field of <paramref name="profile"/>.</summary>
    /// <param name="profile">The profile.</param>
    /// <exception cref="ArgumentException">A field is invalid; <see cref="ArgumentException.ParamName"/> is its camelCase path, e.g. <c>workingHours[0].start</c>.</exception>
    public static void Validate(ParticipantProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(profile.DisplayName))
        {
            throw new ArgumentException("A display name is required.", "displayName");
        }

        if (!Enum.IsDefined(profile.Kind))
        {
            throw new ArgumentException("Unknown kind.", "kind");
        }

        EngineMapping.ParseZone(profile.TimeZone, "timeZone");
        EngineMapping.ToRules(profile.WorkingHours, "workingHours");
        EngineMapping.ToRules(profile.PreferredTimes, "preferredTimes");
        EngineMapping.ToOverrides(profile.DateOverrides, "dateOverrides");
        CheckRange(profile.BufferBeforeMinutes, 0, 240, "bufferBeforeMinutes");
        CheckRange(profile.BufferAfterMinutes, 0, 240, "bufferAfterMinutes");
        if (profile.MaxInterviewsPerDay is { } perDay)
        {
            CheckRange(perDay, 0, 100, "maxInterviewsPerDay");
        }

        if (profile.MaxInterviewsPerWeek is { } perWeek)
        {
            CheckRange(perWeek, 0, 500, "maxInterviewsPerWeek");
        }

        var calendars = profile.Calendars ?? [];
        for (var i = 0; i < calendars.Count; i++)
        {
            var field = EngineMapping.Indexed("calendars", i);
            var calendar = calendars[i] ?? throw new ArgumentException("A calendar is missing.", field);
            if (!CalendarProviders.IsKnown(calendar.Provider))
            {
                throw new ArgumentException($"Unknown provider '{calendar.Provider}' (ics, caldav, google, microsoft).", field + ".provider");
            }

            if (calendar.Provider is "ics" or "caldav" && !Uri.TryCreate(calendar.Url, UriKind.Absolute, out _))
            {
                throw new ArgumentException("An absolute URL is required.", field + ".url");
            }

            if (CalendarProviders.IsAccount(calendar.Provider) && string.IsNullOrWhiteSpace(calendar.AccountId))
            {
                throw new ArgumentException("An account id is required.", field + ".accountId");
            }

            if (calendar.AccountId is { } accountId && (accountId.Length > CalendarAccountKeys.MaxAccountIdLength || accountId.Contains('/')))
            {
                throw new ArgumentException($"An account id has at most {CalendarAccountKeys.MaxAccountIdLength} characters and no '/'.", field + ".accountId");
            }
        }
    }

    private static void CheckRange(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"Must be between {min} and {max}.", field);
        }
    }
}
