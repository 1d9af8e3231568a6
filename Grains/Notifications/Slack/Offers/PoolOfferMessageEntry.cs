namespace Scheduler.Grains.Notifications;

/// <summary>One member's offer message in <see cref="PoolOfferMessagesState"/> (JSON).</summary>
public sealed class PoolOfferMessageEntry
{
    /// <summary>The pool member.</summary>
    public required string MemberId { get; set; }

    /// <summary>The member's Slack user id (the DM target).</summary>
    public required string SlackUserId { get; set; }

    /// <summary>The member's IANA zone, for the time shown.</summary>
    public required string TimeZone { get; set; }

    /// <summary>The channel id Slack reported for the post.</summary>
    public string? Channel { get; set; }

    /// <summary>The message <c>ts</c> Slack reported.</summary>
    public string? Ts { get; set; }

    /// <summary>What the message should say.</summary>
    public OfferMessageDecision Decision { get; set; }

    /// <summary>What the message says now (after the post or the last update).</summary>
    public OfferMessageDecision Shown { get; set; }

    /// <summary>The current status.</summary>
    public PoolOfferMessageStatus Status { get; set; }

    /// <summary>Attempts of the current step (post or update); written before each attempt.</summary>
    public int Attempts { get; set; }

    /// <summary>When the current step may be tried next (UTC).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When posted (UTC).</summary>
    public DateTimeOffset? PostedAt { get; set; }

    /// <summary>When last updated (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The last error.</summary>
    public string? LastError { get; set; }

    /// <summary>Whether a post or an update still has to be made.</summary>
    public bool HasWork => Status is not (PoolOfferMessageStatus.Failed or PoolOfferMessageStatus.Skipped)
        && (Ts is null ? Decision == OfferMessageDecision.Open : Decision != Shown);

    /// <summary>The public view.</summary>
    /// <returns>The message.</returns>
    public PoolOfferMessage ToMessage() => new(MemberId, SlackUserId, Channel, Ts, Status, PostedAt, UpdatedAt, LastError);
}
