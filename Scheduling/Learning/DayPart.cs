namespace Scheduler.Scheduling.Learning;

/// <summary>
/// A part of a participant's local day, one of the two kinds of bucket learned time preferences are counted in
/// (the other is the local day of the week). Boundaries are in <see cref="DayParts"/>.
/// </summary>
public enum DayPart
{
    /// <summary>Local 00:00 to 12:00.</summary>
    Morning,

    /// <summary>Local 12:00 to 17:00.</summary>
    Afternoon,

    /// <summary>Local 17:00 to 24:00.</summary>
    Evening,
}
