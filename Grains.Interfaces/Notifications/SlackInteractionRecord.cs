namespace Scheduler.Grains.Notifications;

/// <summary>One verified button press from Slack (a <c>block_actions</c> payload), as the inbox stores it.</summary>
/// <param name="Id">
/// The interaction's identity, stable across redeliveries of the same payload: Slack's <c>trigger_id</c> with the
/// action's <c>action_id</c> and <c>action_ts</c>, or, when Slack sent no <c>trigger_id</c>, a SHA-256 of the
/// action's fields. 1–512 characters.
/// </param>
/// <param name="ActionId">The button's <c>action_id</c>.</param>
/// <param name="Value">The button's <c>value</c>, <c>{grainKey}|{item}</c>; the grain key starts with the tenant.</param>
/// <param name="UserId">The Slack user who pressed it.</param>
/// <param name="Channel">The channel of the message that carried the button, when Slack sent it.</param>
/// <param name="MessageTs">The <c>ts</c> of that message, when Slack sent it.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.SlackInteractionRecord")]
public sealed record SlackInteractionRecord([property: Id(0)] string Id, [property: Id(1)] string ActionId, [property: Id(2)] string Value, [property: Id(3)] string UserId, [property: Id(4)] string? Channel, [property: Id(5)] string? MessageTs);
