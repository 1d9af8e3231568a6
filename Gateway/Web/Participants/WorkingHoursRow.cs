namespace Scheduler.Gateway.Web.Participants;

/// <summary>One weekly working-hours rule as the profile form edits it.</summary>
public sealed class WorkingHoursRow
{
    /// <summary>The days ticked.</summary>
    public HashSet<string> Days { get; } = new(StringComparer.Ordinal);

    /// <summary>Local start, <c>HH:mm</c>.</summary>
    public string Start { get; set; } = "09:00";

    /// <summary>Local end, <c>HH:mm</c>.</summary>
    public string End { get; set; } = "17:00";

    /// <summary>Ticks or unticks a day.</summary>
    /// <param name="day">A day of <see cref="Scheduler.Gateway.Common.FieldRules.Days"/>.</param>
    /// <param name="on">Whether it is ticked.</param>
    public void Set(string day, bool on)
    {
        if (on)
        {
            Days.Add(day);
        }
        else
        {
            Days.Remove(day);
        }
    }
}
