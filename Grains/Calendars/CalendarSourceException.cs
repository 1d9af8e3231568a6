namespace Scheduler.Grains.Calendars;

/// <summary>
/// A calendar could not be read: unreachable server, an HTTP error status, a refused
/// credential, or a body that is not iCalendar. The message names the calendar (secrets
/// removed) and the cause; the participant keeps its last good data and reports it stale.
/// </summary>
public sealed class CalendarSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="calendar">The calendar, already redacted (see <see cref="CalendarUrl.Redact"/>).</param>
    /// <param name="reason">What went wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CalendarSourceException(string calendar, string reason, Exception? innerException = null)
        : base($"Calendar {calendar}: {reason}", innerException)
    {
        Calendar = calendar;
        Reason = reason;
    }

    /// <summary>The calendar, with secrets removed.</summary>
    public string Calendar { get; }

    /// <summary>What went wrong.</summary>
    public string Reason { get; }
}
