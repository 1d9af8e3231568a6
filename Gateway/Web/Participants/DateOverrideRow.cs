using Scheduler.Gateway.Participants;

namespace Scheduler.Gateway.Web.Participants;

/// <summary>One date override as the profile form edits it: a date, and the hours worked that day (none: not working).</summary>
public sealed class DateOverrideRow
{
    /// <summary>The local date, <c>yyyy-MM-dd</c> as typed.</summary>
    public string Date { get; set; } = string.Empty;

    /// <summary>The hours worked that day; empty means not working.</summary>
    public List<LocalHoursRow> Hours { get; } = [];

    /// <summary>Whether the day is off (no hours).</summary>
    public bool IsDayOff => Hours.Count == 0;

    /// <summary>The row of a stored override.</summary>
    /// <param name="spec">The override.</param>
    /// <returns>The row.</returns>
    public static DateOverrideRow From(DateOverrideSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var row = new DateOverrideRow { Date = spec.Date };
        row.Hours.AddRange(spec.Hours.Select(h => new LocalHoursRow { Start = h.Start, End = h.End }));
        return row;
    }

    /// <summary>Makes the day off (removes every range) or a working day (one range of 09:00–17:00 when it had none).</summary>
    /// <param name="dayOff">Whether the day is off.</param>
    public void SetDayOff(bool dayOff)
    {
        if (dayOff)
        {
            Hours.Clear();
        }
        else if (Hours.Count == 0)
        {
            Hours.Add(new LocalHoursRow());
        }
    }

    /// <summary>The override as the body has it (the date trimmed).</summary>
    /// <returns>The body.</returns>
    public DateOverrideBody ToBody() => new() { Date = Date.Trim(), Hours = [.. Hours.Select(h => h.ToBody())] };
}
