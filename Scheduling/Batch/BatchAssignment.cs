namespace Scheduler.Scheduling.Batch;

/// <summary>The outcome of one request of a batch.</summary>
/// <param name="Index">The request's position in the batch (0-based).</param>
/// <param name="RequestId">The request's <see cref="SchedulingRequest.RequestId"/>.</param>
/// <param name="Option">The booked option, or <see langword="null"/> when the request could not be booked.</param>
/// <param name="NoAvailability">Why the request was not booked (<see langword="null"/> when booked).</param>
public sealed record BatchAssignment(int Index, string RequestId, ScheduleOption? Option, NoAvailability? NoAvailability)
{
    /// <summary><see langword="true"/> when the request is booked.</summary>
    public bool IsBooked => Option is not null;
}
