namespace Scheduler.Grains.Notifications.Offers;

/// <summary>What a pool member's offer message should say.</summary>
public enum OfferMessageDecision
{
    /// <summary>Undecided: the offer with its Accept button.</summary>
    Open,

    /// <summary>This member accepted first.</summary>
    Won,

    /// <summary>Someone else accepted first.</summary>
    Lost,

    /// <summary>The offer was withdrawn as a whole.</summary>
    Withdrawn,
}
