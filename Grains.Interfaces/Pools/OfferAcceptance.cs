namespace Scheduler.Grains.Pools;

/// <summary>What a pool tells a request when a member won one of its first-to-accept offers.</summary>
/// <param name="PoolId">The pool id (without tenant).</param>
/// <param name="OfferId">The offer id.</param>
/// <param name="MemberId">The winning member's participant id (without tenant).</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.OfferAcceptance")]
public sealed record OfferAcceptance([property: Id(0)] string PoolId, [property: Id(1)] string OfferId, [property: Id(2)] string MemberId);
