namespace Scheduler.Gateway.Web.Calendar;

/// <summary>The words and style names of <see cref="CalendarEntryKind"/> on the pages, one place for the week calendar and a request's timeline.</summary>
public static class CalendarEntryText
{
    /// <summary>What a person reads for a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>E.g. <c>Interview</c> for a booking.</returns>
    public static string Of(CalendarEntryKind kind) => kind switch
    {
        CalendarEntryKind.Calendar => "Calendar",
        CalendarEntryKind.Block => "Blocked",
        CalendarEntryKind.Booking => "Interview",
        CalendarEntryKind.Hold => "Hold",
        CalendarEntryKind.Prep => "Prep",
        _ => "Stage",
    };

    /// <summary>The stylesheet's class of a kind: <c>entry-</c> and the kind in lower case.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>E.g. <c>entry-booking</c>.</returns>
    public static string CssClass(CalendarEntryKind kind) => "entry-" + kind.ToString().ToLowerInvariant();
}
