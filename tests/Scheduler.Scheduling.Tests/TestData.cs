using NodaTime.Text;

namespace Scheduler.Scheduling.Tests;

/// <summary>Named zones and small builders shared by the tests.</summary>
internal static class TestData
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    public static readonly DateTimeZone Kathmandu = DateTimeZoneProviders.Tzdb["Asia/Kathmandu"];
    public static readonly DateTimeZone Chatham = DateTimeZoneProviders.Tzdb["Pacific/Chatham"];
    public static readonly DateTimeZone UtcZone = DateTimeZone.Utc;

    /// <summary>Monday 2026-03-02 00:00 UTC.</summary>
    public static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 0, 0);

    /// <summary>Friday 2026-02-27 00:00 UTC, three days before <see cref="Monday"/>: the "now" of most tests.</summary>
    public static readonly Instant Now = Monday - Duration.FromDays(3);

    public static Instant Utc(int year, int month, int day, int hour, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);

    public static Instant At(DateTimeZone zone, int year, int month, int day, int hour, int minute = 0) =>
        zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    public static TimeInterval Span(Instant start, int minutes) => TimeInterval.FromStart(start, Duration.FromMinutes(minutes));

    public static TimeInterval Days(Instant start, int days) => TimeInterval.FromStart(start, Duration.FromDays(days));

    public static WeeklyTimeRule NineToFive(params IsoDayOfWeek[] days) =>
        new(days.Length == 0 ? WeeklyTimeRule.Weekdays : days, new LocalTime(9, 0), new LocalTime(17, 0));

    public static ParticipantAvailabilityInput Person(string id, DateTimeZone zone, params TimeInterval[] busy) =>
        new(id, zone, [NineToFive()]) { Busy = IntervalSet.From(busy) };

    public static SchedulingRequest Single(string candidate, int minutes, TimeInterval window, params string[] interviewers) =>
        new(candidate, [new StageRequest("Interview", minutes, interviewers)], window);

    public static string Local(Instant instant, DateTimeZone zone) =>
        LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm").Format(instant.InZone(zone).LocalDateTime);
}
