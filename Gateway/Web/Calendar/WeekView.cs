namespace Scheduler.Gateway.Web.Calendar;

/// <summary>A participant's week in their own zone, laid out for the week calendar.</summary>
/// <param name="Zone">The zone the week is shown in (IANA id).</param>
/// <param name="Monday">The week's first local date (ISO weeks start on Monday).</param>
/// <param name="FirstHour">The first local hour shown, 0–23.</param>
/// <param name="LastHour">The local hour the shown time ends at, after <paramref name="FirstHour"/>, 1–24.</param>
/// <param name="Days">Monday to Sunday.</param>
public sealed record WeekView(string Zone, DateOnly Monday, int FirstHour, int LastHour, IReadOnlyList<WeekDay> Days)
{
    /// <summary>The Monday before.</summary>
    public DateOnly PreviousWeek => Monday.AddDays(-7);

    /// <summary>The Monday after.</summary>
    public DateOnly NextWeek => Monday.AddDays(7);
}
