namespace Scheduler.Gateway.Web.Participants;

/// <summary>One weekly rule as the profile form edits it: a working-hours rule or a preferred time.</summary>
public sealed class WeeklyHoursRow
{
    /// <summary>The days ticked.</summary>
    public HashSet<string> Days { get; } = new(StringComparer.Ordinal);

    /// <summary>Local start, <c>HH:mm</c>.</summary>
    public string Start { get; set; } = "09:00";

    /// <summary>Local end, <c>HH:mm</c>.</summary>
    public string End { get; set; } = "17:00";

    /// <summary>The row of a stored rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The row.</returns>
    public static WeeklyHoursRow From(WeeklyHours rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var row = new WeeklyHoursRow { Start = rule.Start, End = rule.End };
        row.Days.UnionWith(rule.Days);
        return row;
    }

    /// <summary>Ticks or unticks a day.</summary>
    /// <param name="day">A day of <see cref="FieldRules.Days"/>.</param>
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

    /// <summary>The rule as the body has it, days in week order (Mon first).</summary>
    /// <returns>The body.</returns>
    public WeeklyHoursBody ToBody() => new() { Days = [.. FieldRules.Days.Where(Days.Contains)], Start = Start, End = End };
}
