namespace Scheduler.Grains;

/// <summary>One persisted transition of a request.</summary>
/// <param name="Status">The new status.</param>
/// <param name="At">When it happened (silo clock, UTC).</param>
/// <param name="Reason">Why, when there is a reason to tell; may be <see langword="null"/>.</param>
public sealed record StatusChange(RequestStatus Status, DateTimeOffset At, string? Reason);
