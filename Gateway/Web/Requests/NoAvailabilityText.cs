using Scheduler.Scheduling.Results;

namespace Scheduler.Gateway.Web.Requests;

/// <summary>
/// The constraint behind a request's <c>noAvailability</c>, in words: its <c>reasonCode</c> is the engine's
/// <see cref="NoAvailabilityReason"/> in camel case (or <c>takenByOtherRequests</c>, the request's own verdict after its retries).
/// </summary>
public static class NoAvailabilityText
{
    /// <summary>The constraint named by a reason code.</summary>
    /// <param name="code">The request's <c>reasonCode</c>.</param>
    /// <returns>A short sentence; the code itself when it is not one of the engine's.</returns>
    public static string Of(string? code) =>
        code is not null && !int.TryParse(code, out _) && Enum.TryParse<NoAvailabilityReason>(code, ignoreCase: true, out var reason)
            ? Of(reason)
            : code ?? "Unknown.";

    /// <summary>The constraint in words.</summary>
    /// <param name="reason">The engine's reason.</param>
    /// <returns>A short sentence.</returns>
    public static string Of(NoAvailabilityReason reason) => reason switch
    {
        NoAvailabilityReason.WindowClosed => "The window closed: it ends before now plus the minimum notice.",
        NoAvailabilityReason.NoWorkingHours => "No working hours in the window.",
        NoAvailabilityReason.BusyAllWorkingHours => "Busy (with buffers) during all working hours in the window.",
        NoAvailabilityReason.DailyCapReached => "The daily interview cap is reached on every day with free time.",
        NoAvailabilityReason.WeeklyCapReached => "The weekly interview cap is reached in every week with free time.",
        NoAvailabilityReason.NoPreferredTimeOverlap => "The candidate's required preferred times never meet their free time.",
        NoAvailabilityReason.NoWorkingHoursOverlap => "Working hours never overlap the candidate's.",
        NoAvailabilityReason.NoCommonFreeTime => "Never free at the same time as the others needed.",
        NoAvailabilityReason.NoSlotLongEnough => "Free together, but never for as long as the stage.",
        NoAvailabilityReason.NoAlignedStart => "Free together for long enough, but never from a start on the slot grid.",
        NoAvailabilityReason.PoolUnavailable => "Too few pool members are free at the same time as the candidate and panel.",
        NoAvailabilityReason.SequencingImpossible => "Every stage fits somewhere, but not in order with the required breaks.",
        NoAvailabilityReason.CapsExceededByInterview => "The interview itself would exceed an interviewer's caps.",
        NoAvailabilityReason.TakenByOtherRequests => "Every option was taken by other requests first.",
        _ => reason.ToString(),
    };
}
