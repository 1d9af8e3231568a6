namespace Scheduler.Grains.Pools;

/// <summary>The state of a first-to-accept offer, or of one member's part in it.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.OfferStatus")]
public enum OfferStatus
{
    /// <summary>Offered; nobody has accepted yet.</summary>
    Open,

    /// <summary>Accepted (by this member, or by someone for the offer as a whole).</summary>
    Accepted,

    /// <summary>Withdrawn from this member because someone else accepted first (or the offer was cancelled).</summary>
    Withdrawn,
}
