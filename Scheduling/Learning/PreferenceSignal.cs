namespace Scheduler.Scheduling.Learning;

/// <summary>What happened to an interview time, as evidence of a participant's time preferences.</summary>
public enum PreferenceSignal
{
    /// <summary>The candidate selected this proposal (the other proposals they saw were passed over). Accepted, weight 1.</summary>
    Selected,

    /// <summary>The interview was booked and took place (the request completed). Accepted, weight 1.</summary>
    Held,

    /// <summary>A booked interview was moved away from this time. Declined, weight 1.</summary>
    Rescheduled,

    /// <summary>A booked interview at this time was cancelled (often for reasons other than the time). Declined, weight 0.5.</summary>
    Cancelled,
}
