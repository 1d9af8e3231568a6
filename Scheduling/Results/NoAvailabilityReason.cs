namespace Scheduler.Scheduling.Results;

/// <summary>Which constraint left a request without any option.</summary>
public enum NoAvailabilityReason
{
    /// <summary>The window ends before "now" plus the minimum notice.</summary>
    WindowClosed,

    /// <summary>A participant has no working hours anywhere in the window.</summary>
    NoWorkingHours,

    /// <summary>A participant is busy (with buffers) during all their working hours in the window.</summary>
    BusyAllWorkingHours,

    /// <summary>An interviewer's daily cap is reached on every day they have free time.</summary>
    DailyCapReached,

    /// <summary>An interviewer's weekly cap is reached in every week they have free time.</summary>
    WeeklyCapReached,

    /// <summary>The candidate's required preferred times never meet their free working time.</summary>
    NoPreferredTimeOverlap,

    /// <summary>An interviewer's working hours never overlap the candidate's (or the candidate's required preferred times).</summary>
    NoWorkingHoursOverlap,

    /// <summary>Working hours overlap, but never while everyone needed is free.</summary>
    NoCommonFreeTime,

    /// <summary>Common free time exists but no stretch of it is as long as the stage.</summary>
    NoSlotLongEnough,

    /// <summary>Stretches are long enough but none holds a start on the granularity grid.</summary>
    NoAlignedStart,

    /// <summary>Too few members of a pool are free whenever the candidate and panel are.</summary>
    PoolUnavailable,

    /// <summary>Each stage fits somewhere, but not in order with the required gaps (and on one day).</summary>
    SequencingImpossible,

    /// <summary>Caps would be exceeded by the interview itself (an interviewer in several stages).</summary>
    CapsExceededByInterview,

    /// <summary>Batch only: the request had options, but each conflicts with interviews booked for other requests of the batch.</summary>
    TakenByOtherRequests,
}
