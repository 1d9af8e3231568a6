namespace Scheduler.Grains;

/// <summary>A participant's report that new busy time overlaps a booked interview.</summary>
/// <param name="ParticipantId">The participant id (without tenant).</param>
/// <param name="Interval">The conflicting busy interval.</param>
/// <param name="Detail">What changed; may be <see langword="null"/>.</param>
public sealed record ConflictNotice(string ParticipantId, TimeRange Interval, string? Detail);
