namespace Scheduler.Grains.Pools;

/// <summary>A slot offered to every eligible pool member at once; the first to accept takes it.</summary>
/// <param name="OfferId">The offer id, unique within the pool; offering the same id again is idempotent.</param>
/// <param name="RequestId">The request the slot belongs to.</param>
/// <param name="Slot">The interview interval.</param>
/// <param name="EligibleMembers">The members it is offered to; each must be a pool member.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.OfferSpec")]
public sealed record OfferSpec([property: Id(0)] string OfferId, [property: Id(1)] string RequestId, [property: Id(2)] TimeRange Slot, [property: Id(3)] IReadOnlyList<string> EligibleMembers);
