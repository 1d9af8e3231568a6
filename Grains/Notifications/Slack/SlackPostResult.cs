namespace Scheduler.Grains.Notifications.Slack;

/// <summary>Where Slack put a message.</summary>
/// <param name="Channel">The channel id Slack reports (a DM channel id for a user id).</param>
/// <param name="Ts">The message timestamp, the id used by <c>chat.update</c>.</param>
public sealed record SlackPostResult(string Channel, string Ts);
