namespace Scheduler.Grains.Requests;

/// <summary>One persisted transition of a request.</summary>
/// <param name="Status">The new status.</param>
/// <param name="At">When it happened (silo clock, UTC).</param>
/// <param name="Reason">Why, when there is a reason to tell; may be <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.StatusChange")]
public sealed record StatusChange([property: Id(0)] RequestStatus Status, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string? Reason);
