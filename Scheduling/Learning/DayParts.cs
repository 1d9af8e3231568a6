namespace Scheduler.Scheduling.Learning;

/// <summary>Which <see cref="DayPart"/> a local time falls in, and its name in reason texts.</summary>
public static class DayParts
{
    /// <summary>The number of parts (3).</summary>
    public const int Count = 3;

    /// <summary>Local time at which the afternoon starts (12:00); earlier is morning.</summary>
    public static readonly LocalTime AfternoonStart = new(12, 0);

    /// <summary>Local time at which the evening starts (17:00), the usual end of working hours.</summary>
    public static readonly LocalTime EveningStart = new(17, 0);

    /// <summary>The part of the day a local wall-clock time falls in.</summary>
    /// <param name="time">A local time in the participant's zone.</param>
    /// <returns>Morning before 12:00, afternoon from 12:00 to before 17:00, evening from 17:00.</returns>
    public static DayPart Of(LocalTime time) =>
        time < AfternoonStart ? DayPart.Morning : time < EveningStart ? DayPart.Afternoon : DayPart.Evening;

    /// <summary>The lower-case English name used in reason texts (<c>morning</c>, <c>afternoon</c>, <c>evening</c>).</summary>
    /// <param name="part">The part.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="part"/> is not a defined value.</exception>
    public static string Name(DayPart part) => part switch
    {
        DayPart.Morning => "morning",
        DayPart.Afternoon => "afternoon",
        DayPart.Evening => "evening",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Not a part of the day."),
    };
}
