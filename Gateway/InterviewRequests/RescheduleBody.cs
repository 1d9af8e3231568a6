using Scheduler.Gateway.Common;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>The optional body of <c>POST /v1/interview-requests/{id}/reschedule</c>.</summary>
public sealed record RescheduleBody
{
    /// <summary>A new search window (end after start, at most 90 days, ending in the future); absent keeps the current one.</summary>
    public TimeRangeBody? Window { get; init; }
}
