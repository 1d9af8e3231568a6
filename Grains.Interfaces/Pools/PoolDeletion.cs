namespace Scheduler.Grains.Pools;

/// <summary>The answer to <see cref="IInterviewerPoolGrain.Delete"/>.</summary>
/// <param name="Existed">Whether the pool existed.</param>
/// <param name="Deleted">Whether it was deleted by this call.</param>
/// <param name="OpenOfferRequestIds">When refused: the request ids (without tenant, ordinal order) of its open first-to-accept offers; empty otherwise.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PoolDeletion")]
public sealed record PoolDeletion([property: Id(0)] bool Existed, [property: Id(1)] bool Deleted, [property: Id(2)] IReadOnlyList<string> OpenOfferRequestIds);
