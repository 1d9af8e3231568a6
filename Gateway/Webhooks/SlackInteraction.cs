namespace Scheduler.Gateway.Webhooks;

/// <summary>One verified button press from Slack (<c>block_actions</c>), queued for processing after the acknowledgement.</summary>
/// <param name="ActionId">The button's <c>action_id</c>.</param>
/// <param name="Value">The button's <c>value</c>, <c>{grainKey}|{item}</c>.</param>
/// <param name="UserId">The Slack user who pressed it.</param>
/// <param name="Channel">The channel of the message that carried the button, when Slack sent it.</param>
/// <param name="MessageTs">The <c>ts</c> of that message, when Slack sent it.</param>
public sealed record SlackInteraction(string ActionId, string Value, string UserId, string? Channel, string? MessageTs);
