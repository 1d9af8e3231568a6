using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Scheduler.Grains.Notifications;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// Reads the button presses out of a Slack interaction request body (form field <c>payload</c>, JSON; Slack docs,
/// "block_actions payload"), each with an identity that stays the same when Slack delivers the same payload again.
/// </summary>
public static class SlackInteractionParser
{
    /// <summary>Parses a verified body.</summary>
    /// <param name="body">The raw <c>application/x-www-form-urlencoded</c> body.</param>
    /// <returns>
    /// The button presses of a <c>block_actions</c> payload, each with <see cref="SlackInteractionRecord.Id"/> =
    /// <c>{trigger_id}:{action_id}:{action_ts}</c>, or <c>sha256:{hex}</c> over the user, action, value, action time
    /// and message when Slack sent no <c>trigger_id</c>; empty for other payload types.
    /// </returns>
    /// <exception cref="FormatException">There is no <c>payload</c> field or it is not the expected JSON.</exception>
    public static IReadOnlyList<SlackInteractionRecord> Parse(ReadOnlySpan<byte> body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload) || string.IsNullOrEmpty(payload))
        {
            throw new FormatException("The body has no payload field.");
        }

        try
        {
            using var document = JsonDocument.Parse(payload.ToString());
            var root = document.RootElement;
            if (!root.TryGetProperty("type", out var type) || type.GetString() != "block_actions")
            {
                return [];
            }

            var user = root.GetProperty("user").GetProperty("id").GetString() ?? throw new FormatException("The payload has no user id.");
            var trigger = Text(root, "trigger_id");
            string? channel = null;
            string? ts = null;
            if (root.TryGetProperty("container", out var container))
            {
                channel = Text(container, "channel_id");
                ts = Text(container, "message_ts");
            }

            var result = new List<SlackInteractionRecord>();
            foreach (var action in root.GetProperty("actions").EnumerateArray())
            {
                var actionId = Text(action, "action_id");
                var value = Text(action, "value");
                if (!string.IsNullOrEmpty(actionId) && !string.IsNullOrEmpty(value))
                {
                    var actionTs = Text(action, "action_ts");
                    var id = trigger is { Length: > 0 }
                        ? $"{trigger}:{actionId}:{actionTs}"
                        : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', user, actionId, value, actionTs, channel, ts))));
                    result.Add(new SlackInteractionRecord(id, actionId, value, user, channel, ts));
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The payload is not a Slack interaction.", ex);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
