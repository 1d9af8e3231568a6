namespace Scheduler.Grains.Pools;

/// <summary>One member's part in an offer (kept so notifications can update that member's message).</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Status">Open while undecided, Accepted for the winner, Withdrawn for the others.</param>
/// <param name="ChangedAt">When the status last changed.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.OfferRecipient")]
public sealed record OfferRecipient([property: Id(0)] string MemberId, [property: Id(1)] OfferStatus Status, [property: Id(2)] DateTimeOffset ChangedAt);
