namespace Scheduler.Grains.Notifications;

/// <summary>One pool member's message of a first-to-accept offer: a Slack DM, or an email with an accept link for a member without Slack.</summary>
/// <param name="MemberId">The pool member.</param>
/// <param name="SlackUserId">The member's Slack user id the offer was sent to (as a DM); <see langword="null"/> for an email.</param>
/// <param name="Channel">The channel id Slack reported for the post (a <c>D…</c> DM id); needed by <c>chat.update</c>. <see langword="null"/> for an email.</param>
/// <param name="Ts">The message <c>ts</c> Slack reported (needed by <c>chat.update</c>), or the email's <c>Message-ID</c>.</param>
/// <param name="Status">Where the message stands; an email is never updated (its link's page tells the outcome).</param>
/// <param name="PostedAt">When it was posted or sent (UTC).</param>
/// <param name="UpdatedAt">When it was last replaced (UTC).</param>
/// <param name="LastError">The last Slack, SMTP or network error, or why it was skipped; <see langword="null"/> otherwise.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PoolOfferMessage")]
public sealed record PoolOfferMessage(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string? SlackUserId,
    [property: Id(2)] string? Channel,
    [property: Id(3)] string? Ts,
    [property: Id(4)] PoolOfferMessageStatus Status,
    [property: Id(5)] DateTimeOffset? PostedAt,
    [property: Id(6)] DateTimeOffset? UpdatedAt,
    [property: Id(7)] string? LastError)
{
    /// <summary>The member's email address the offer was sent to, for a member without a Slack user id; otherwise <see langword="null"/>.</summary>
    [Id(8)]
    public string? Email { get; init; }
}
