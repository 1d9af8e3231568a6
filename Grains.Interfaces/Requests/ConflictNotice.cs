namespace Scheduler.Grains.Requests;

/// <summary>A participant's report that new busy time overlaps a booked interview.</summary>
/// <param name="ParticipantId">The participant id (without tenant).</param>
/// <param name="Interval">The conflicting busy interval.</param>
/// <param name="Detail">What changed; may be <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ConflictNotice")]
public sealed record ConflictNotice([property: Id(0)] string ParticipantId, [property: Id(1)] TimeRange Interval, [property: Id(2)] string? Detail);
