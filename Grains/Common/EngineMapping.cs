using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Grains.Learning;
using Scheduler.Grains.Requests;
using Scheduler.Scheduling.Calendar;
using Scheduler.Scheduling.Intervals;
using Scheduler.Scheduling.Participants;
using Scheduler.Scheduling.Results;

namespace Scheduler.Grains.Common;

/// <summary>Converts between the contract records (strings, <see cref="DateTimeOffset"/>) and the engine's NodaTime types.</summary>
internal static class EngineMapping
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public static Instant ToInstant(DateTimeOffset value) => Instant.FromDateTimeOffset(value);

    public static DateTimeOffset ToDateTimeOffset(Instant value) => value.ToDateTimeOffset();

    public static TimeInterval ToInterval(TimeRange range) => new(ToInstant(range.Start), ToInstant(range.End));

    public static TimeRange ToRange(TimeInterval interval) => new(ToDateTimeOffset(interval.Start), ToDateTimeOffset(interval.End));

    /// <summary>The stages of an engine option as the request and the batch planner keep them.</summary>
    public static List<ScheduledStageView> ToStages(ScheduleOption option) =>
        [.. option.Stages.Select(s => new ScheduledStageView(s.Name, ToDateTimeOffset(s.Start), ToDateTimeOffset(s.End), [.. s.InterviewerIds]))];

    public static IsoDayOfWeek ParseDay(string value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        "mon" or "monday" => IsoDayOfWeek.Monday,
        "tue" or "tuesday" => IsoDayOfWeek.Tuesday,
        "wed" or "wednesday" => IsoDayOfWeek.Wednesday,
        "thu" or "thursday" => IsoDayOfWeek.Thursday,
        "fri" or "friday" => IsoDayOfWeek.Friday,
        "sat" or "saturday" => IsoDayOfWeek.Saturday,
        "sun" or "sunday" => IsoDayOfWeek.Sunday,
        _ => throw new ArgumentException($"'{value}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun).", field),
    };

    public static LocalTime ParseTime(string value, string field)
    {
        var result = TimePattern.Parse(value ?? string.Empty);
        return result.Success ? result.Value : throw new ArgumentException($"'{value}' is not a local time of the form HH:mm.", field);
    }

    public static LocalDate ParseDate(string value, string field)
    {
        var result = DatePattern.Parse(value ?? string.Empty);
        return result.Success ? result.Value : throw new ArgumentException($"'{value}' is not a date of the form yyyy-MM-dd.", field);
    }

    public static DateTimeZone ParseZone(string value, string field)
    {
        return TimeZones.TryGetIanaId(value, out var iana)
            ? DateTimeZoneProviders.Tzdb[iana]
            : throw new ArgumentException($"'{value}' is neither an IANA time zone id nor a known Windows time zone name.", field);
    }

    public static IReadOnlyList<WeeklyTimeRule> ToRules(IReadOnlyList<WeeklyHours>? hours, string field)
    {
        if (hours is null)
        {
            return [];
        }

        var rules = new WeeklyTimeRule[hours.Count];
        for (var i = 0; i < hours.Count; i++)
        {
            var item = hours[i] ?? throw new ArgumentException("A rule is missing.", Indexed(field, i));
            var days = item.Days ?? throw new ArgumentException("Days are required.", Indexed(field, i) + ".days");
            if (days.Count == 0)
            {
                throw new ArgumentException("At least one day is required.", Indexed(field, i) + ".days");
            }

            var parsedDays = days.Select((d, j) => ParseDay(d, Indexed(Indexed(field, i) + ".days", j))).Distinct().ToArray();
            rules[i] = new WeeklyTimeRule(parsedDays, ParseTime(item.Start, Indexed(field, i) + ".start"), ParseTime(item.End, Indexed(field, i) + ".end"));
        }

        return rules;
    }

    public static IReadOnlyList<DateOverride> ToOverrides(IReadOnlyList<DateOverrideSpec>? overrides, string field)
    {
        if (overrides is null)
        {
            return [];
        }

        var result = new DateOverride[overrides.Count];
        for (var i = 0; i < overrides.Count; i++)
        {
            var item = overrides[i] ?? throw new ArgumentException("An override is missing.", Indexed(field, i));
            var date = ParseDate(item.Date, Indexed(field, i) + ".date");
            var hours = (item.Hours ?? []).Select((h, j) => new LocalTimeRange(
                ParseTime(h.Start, Indexed(Indexed(field, i) + ".hours", j) + ".start"),
                ParseTime(h.End, Indexed(Indexed(field, i) + ".hours", j) + ".end"))).ToArray();
            result[i] = new DateOverride(date, hours);
        }

        return result;
    }

    /// <summary>Builds the engine input from what a participant grain returned.</summary>
    public static ParticipantAvailabilityInput ToEngineInput(ParticipantAvailabilityData data) =>
        new(data.ParticipantId, ParseZone(data.TimeZone, "timeZone"), ToRules(data.WorkingHours, "workingHours"))
        {
            DateOverrides = ToOverrides(data.DateOverrides, "dateOverrides"),
            Busy = IntervalSet.From(data.Busy.Where(b => b.End > b.Start).Select(ToInterval)),
            BufferBeforeMinutes = data.BufferBeforeMinutes,
            BufferAfterMinutes = data.BufferAfterMinutes,
            MaxInterviewsPerDay = data.MaxInterviewsPerDay,
            MaxInterviewsPerWeek = data.MaxInterviewsPerWeek,
            BookedInterviewStarts = [.. data.BookedInterviewStarts.Select(ToInstant)],
            PreferredTimes = ToRules(data.PreferredTimes, "preferredTimes"),
            PreferenceHistory = PreferenceMapping.ToEngine(data.PreferenceHistory),
        };

    public static string Indexed(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");
}
