namespace Scheduler.Grains.Participants;

/// <summary>The answer to <see cref="IParticipantGrain.Delete"/>.</summary>
/// <param name="Existed">Whether the participant existed (had a profile).</param>
/// <param name="Deleted">Whether it was deleted by this call.</param>
/// <param name="ActiveRequestKeys">
/// When refused: the request keys (<c>{tenant}/{requestId}</c>, ordinal order) of the bookings that have not ended
/// and the live holds that kept it; empty otherwise.
/// </param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ParticipantDeletion")]
public sealed record ParticipantDeletion([property: Id(0)] bool Existed, [property: Id(1)] bool Deleted, [property: Id(2)] IReadOnlyList<string> ActiveRequestKeys);
