namespace Scheduler.Grains.Requests;

/// <summary>The open first-to-accept offer a request in <see cref="RequestStatus.Offered"/> waits for.</summary>
/// <param name="PoolId">The pool whose seat is offered (without tenant).</param>
/// <param name="OfferId">The offer id in that pool (derived from the request id and a per-request counter).</param>
/// <param name="StageName">The stage the seat belongs to.</param>
/// <param name="Slot">The stage's interval (UTC).</param>
/// <param name="MemberIds">The members it was offered to: the pool's members free for the slot.</param>
/// <param name="ExpiresAt">When the offer lapses unanswered (UTC); then the engine's pick is booked instead.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.RequestOfferView")]
public sealed record RequestOfferView([property: Id(0)] string PoolId, [property: Id(1)] string OfferId, [property: Id(2)] string StageName, [property: Id(3)] TimeRange Slot, [property: Id(4)] IReadOnlyList<string> MemberIds, [property: Id(5)] DateTimeOffset ExpiresAt);
