using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Notifications.Offers;

/// <summary>One member's offer message in <see cref="PoolOfferMessagesState"/> (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.PoolOfferMessageEntry")]
public sealed class PoolOfferMessageEntry : IRetryItem
{
    /// <summary>The pool member.</summary>
    [Id(0)]
    public required string MemberId { get; set; }

    /// <summary>The member's Slack user id (the DM target); <see langword="null"/> when the offer goes by <see cref="Email"/>.</summary>
    [Id(1)]
    public string? SlackUserId { get; set; }

    /// <summary>The member's zone (an IANA id or a Windows zone name, as on the profile), for the time shown.</summary>
    [Id(2)]
    public required string TimeZone { get; set; }

    /// <summary>The member's email address, for a member without a Slack user id; <see langword="null"/> for a Slack message.</summary>
    [Id(15)]
    public string? Email { get; set; }

    /// <summary>The member's name, for the email's greeting.</summary>
    [Id(16)]
    public string? DisplayName { get; set; }

    /// <summary>The channel id Slack reported for the post.</summary>
    [Id(3)]
    public string? Channel { get; set; }

    /// <summary>The message <c>ts</c> Slack reported, or the email's <c>Message-ID</c> once the email was accepted.</summary>
    [Id(4)]
    public string? Ts { get; set; }

    /// <summary>What the message should say.</summary>
    [Id(5)]
    public OfferMessageDecision Decision { get; set; }

    /// <summary>What the message says now (after the post or the last update).</summary>
    [Id(6)]
    public OfferMessageDecision Shown { get; set; }

    /// <summary>The current status.</summary>
    [Id(7)]
    public PoolOfferMessageStatus Status { get; set; }

    /// <summary>When posted (UTC).</summary>
    [Id(10)]
    public DateTimeOffset? PostedAt { get; set; }

    /// <summary>When last updated (UTC).</summary>
    [Id(11)]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The attempts of the current step (post or update), restarted when a step succeeds or the decision changes.</summary>
    [Id(13)]
    public RetryState Retry { get; set; } = new();

    /// <summary>Why the message was never posted; <see langword="null"/> otherwise.</summary>
    [Id(14)]
    public string? SkipReason { get; set; }

    /// <summary>Whether a post or an update still has to be made.</summary>
    public bool HasWork => Status is not (PoolOfferMessageStatus.Failed or PoolOfferMessageStatus.Skipped)
        && (Ts is null ? Decision == OfferMessageDecision.Open : Decision != Shown);

    /// <summary>The public view.</summary>
    /// <returns>The message.</returns>
    public PoolOfferMessage ToMessage() => new(MemberId, SlackUserId, Channel, Ts, Status, PostedAt, UpdatedAt, Retry.LastError ?? SkipReason) { Email = Email };
}
