namespace Scheduler.ICalendar.Recurrence;

/// <summary>The <c>FREQ</c> rule part (RFC 5545 §3.3.10), from the finest to the coarsest.</summary>
public enum RecurrenceFrequency
{
    /// <summary>Every second (times INTERVAL).</summary>
    Secondly,

    /// <summary>Every minute.</summary>
    Minutely,

    /// <summary>Every hour.</summary>
    Hourly,

    /// <summary>Every day.</summary>
    Daily,

    /// <summary>Every week (weeks start on <c>WKST</c>).</summary>
    Weekly,

    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every year.</summary>
    Yearly,
}
