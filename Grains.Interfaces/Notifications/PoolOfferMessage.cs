namespace Scheduler.Grains.Notifications;

/// <summary>One pool member's Slack message for a first-to-accept offer.</summary>
/// <param name="MemberId">The pool member.</param>
/// <param name="SlackUserId">The member's Slack user id the offer was sent to (as a DM).</param>
/// <param name="Channel">The channel id Slack reported for the post (a <c>D…</c> DM id); needed by <c>chat.update</c>.</param>
/// <param name="Ts">The message <c>ts</c> Slack reported; needed by <c>chat.update</c>.</param>
/// <param name="Status">Where the message stands.</param>
/// <param name="PostedAt">When it was posted (UTC).</param>
/// <param name="UpdatedAt">When it was last replaced (UTC).</param>
/// <param name="LastError">The last Slack or network error, if any.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.PoolOfferMessage")]
public sealed record PoolOfferMessage(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string SlackUserId,
    [property: Id(2)] string? Channel,
    [property: Id(3)] string? Ts,
    [property: Id(4)] PoolOfferMessageStatus Status,
    [property: Id(5)] DateTimeOffset? PostedAt,
    [property: Id(6)] DateTimeOffset? UpdatedAt,
    [property: Id(7)] string? LastError);
