namespace Scheduler.Grains.Prep;

/// <summary>
/// The settings of a candidate's prep plan (DESIGN.md §4): how much prep time, at most how much a day, in blocks of
/// what size, and how long before the interview prep stops. The request's optional <c>prep</c> holds the settings the
/// plan is made with once the interview is booked; <c>POST …/prep-plan</c> plans (again) with settings of its own.
/// Ranges are checked by the gateway; the prep planner rejects values outside its own ranges
/// (<see cref="System.ArgumentOutOfRangeException"/>).
/// </summary>
/// <param name="TotalHours">Total prep time in hours (the API accepts 30–50).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PrepSpec")]
public sealed record PrepSpec([property: Id(0)] int TotalHours)
{
    /// <summary>The settings a plan has when nothing else is said: 40 hours, 6 a day, blocks of 60–180 minutes, 12 quiet hours, not added to the calendar.</summary>
    public static PrepSpec Default { get; } = new(40);

    /// <summary>The most prep minutes on one local date of the candidate; default 360 (6 hours).</summary>
    [Id(1)]
    public int DailyCapMinutes { get; init; } = 360;

    /// <summary>The shortest block, minutes; default 60.</summary>
    [Id(2)]
    public int MinBlockMinutes { get; init; } = 60;

    /// <summary>The longest block, minutes, at least <see cref="MinBlockMinutes"/>; default 180.</summary>
    [Id(3)]
    public int MaxBlockMinutes { get; init; } = 180;

    /// <summary>Hours before the interview's start in which no block may lie (the rest period); default 12.</summary>
    [Id(4)]
    public int RestHoursBeforeInterview { get; init; } = 12;

    /// <summary>
    /// Whether the blocks are added to the candidate's calendar: written to the candidate's connected calendars
    /// (Google, Microsoft 365, CalDAV), or, when there is none, emailed as an <c>.ics</c> file.
    /// </summary>
    [Id(5)]
    public bool AddToCalendar { get; init; }
}
