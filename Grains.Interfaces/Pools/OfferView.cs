namespace Scheduler.Grains;

/// <summary>A first-to-accept offer and where it stands.</summary>
/// <param name="OfferId">The offer id.</param>
/// <param name="RequestId">The request.</param>
/// <param name="Slot">The interview interval.</param>
/// <param name="Status">Open until someone accepts (then Accepted) or the offer is withdrawn (then Withdrawn).</param>
/// <param name="AcceptedBy">The winning member; <see langword="null"/> while open.</param>
/// <param name="Recipients">Every member it was offered to.</param>
public sealed record OfferView(string OfferId, string RequestId, TimeRange Slot, OfferStatus Status, string? AcceptedBy, IReadOnlyList<OfferRecipient> Recipients);
