namespace Scheduler.Grains.Participants;

/// <summary>The answer to <see cref="IParticipantGrain.TryHold"/> or <see cref="IParticipantGrain.ConfirmHold"/>.</summary>
/// <param name="Granted">Whether the hold (or booking) is in place.</param>
/// <param name="Refusal">Why not, when not granted; <see cref="HoldRefusal.None"/> otherwise.</param>
/// <param name="Message">A human-readable explanation of a refusal; <see langword="null"/> when granted.</param>
/// <param name="ExpiresAt">When the hold expires; <see langword="null"/> for a booking or a refusal.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.HoldOutcome")]
public sealed record HoldOutcome([property: Id(0)] bool Granted, [property: Id(1)] HoldRefusal Refusal, [property: Id(2)] string? Message, [property: Id(3)] DateTimeOffset? ExpiresAt);
