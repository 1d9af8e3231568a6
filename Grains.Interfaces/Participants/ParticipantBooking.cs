namespace Scheduler.Grains;

/// <summary>A hold or booking of a participant for one request.</summary>
/// <param name="RequestId">The request key.</param>
/// <param name="Intervals">The interview intervals, unbuffered.</param>
/// <param name="CountsTowardCaps">Whether they count for the caps.</param>
/// <param name="CreatedAt">When the hold was granted or the booking confirmed.</param>
/// <param name="ExpiresAt">When a hold expires; <see langword="null"/> for a booking.</param>
public sealed record ParticipantBooking(string RequestId, IReadOnlyList<TimeRange> Intervals, bool CountsTowardCaps, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
