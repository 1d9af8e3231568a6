namespace Scheduler.Grains.Pools;

/// <summary>A first-to-accept offer and where it stands.</summary>
/// <param name="OfferId">The offer id.</param>
/// <param name="RequestId">The request.</param>
/// <param name="Slot">The interview interval.</param>
/// <param name="Status">Open until someone accepts (then Accepted) or the offer is withdrawn (then Withdrawn).</param>
/// <param name="AcceptedBy">The winning member; <see langword="null"/> while open.</param>
/// <param name="Recipients">Every member it was offered to.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.OfferView")]
public sealed record OfferView([property: Id(0)] string OfferId, [property: Id(1)] string RequestId, [property: Id(2)] TimeRange Slot, [property: Id(3)] OfferStatus Status, [property: Id(4)] string? AcceptedBy, [property: Id(5)] IReadOnlyList<OfferRecipient> Recipients);
