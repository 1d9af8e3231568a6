namespace Scheduler.Gateway.Web.Calendar;

/// <summary>What an entry of a participant's calendar on the pages is.</summary>
public enum CalendarEntryKind
{
    /// <summary>Busy time read from one of the participant's connected calendars or feeds.</summary>
    Calendar,

    /// <summary>An explicit busy block.</summary>
    Block,

    /// <summary>A confirmed interview booking.</summary>
    Booking,

    /// <summary>A short-lived hold of a request being booked.</summary>
    Hold,

    /// <summary>A prep block of the candidate's prep plan.</summary>
    Prep,

    /// <summary>A stage of the request being looked at (booked or proposed), on a request's timeline.</summary>
    Stage,
}
