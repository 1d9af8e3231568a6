namespace Scheduler.Grains;

/// <summary>A slot offered to every eligible pool member at once; the first to accept takes it.</summary>
/// <param name="OfferId">The offer id, unique within the pool; offering the same id again is idempotent.</param>
/// <param name="RequestId">The request the slot belongs to.</param>
/// <param name="Slot">The interview interval.</param>
/// <param name="EligibleMembers">The members it is offered to; each must be a pool member.</param>
public sealed record OfferSpec(string OfferId, string RequestId, TimeRange Slot, IReadOnlyList<string> EligibleMembers);
