namespace Scheduler.Grains.Notifications;

/// <summary>Where a pool member's Slack offer message stands.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.PoolOfferMessageStatus")]
public enum PoolOfferMessageStatus
{
    /// <summary>Not posted yet (or its post is being retried).</summary>
    Pending,

    /// <summary>Posted with the Accept button; the offer is undecided for this member.</summary>
    Posted,

    /// <summary>Replaced (<c>chat.update</c>) with the decision: won, taken by someone else, or withdrawn.</summary>
    Updated,

    /// <summary>Never posted because the offer was decided first.</summary>
    Skipped,

    /// <summary>Slack refused the post or the update for good; <see cref="PoolOfferMessage.LastError"/> says why.</summary>
    Failed,
}
