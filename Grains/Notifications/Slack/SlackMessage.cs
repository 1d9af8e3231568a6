using System.Text.Json.Nodes;

namespace Scheduler.Grains.Notifications.Slack;

/// <summary>A message for <c>chat.postMessage</c> / <c>chat.update</c>.</summary>
/// <param name="Channel">A channel id (<c>C…</c>) or, for a DM, a user id (<c>U…</c>).</param>
/// <param name="Text">The plain-text fallback (notifications, screen readers); required by Slack when blocks are sent.</param>
/// <param name="Blocks">Block Kit blocks, or <see langword="null"/> for a text-only message.</param>
public sealed record SlackMessage(string Channel, string Text, JsonArray? Blocks = null);
