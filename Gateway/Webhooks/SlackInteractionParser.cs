using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Scheduler.Gateway.Webhooks;

/// <summary>Reads the button presses out of a Slack interaction request body (form field <c>payload</c>, JSON).</summary>
public static class SlackInteractionParser
{
    /// <summary>Parses a verified body.</summary>
    /// <param name="body">The raw <c>application/x-www-form-urlencoded</c> body.</param>
    /// <returns>The button presses of a <c>block_actions</c> payload; empty for other payload types.</returns>
    /// <exception cref="FormatException">There is no <c>payload</c> field or it is not the expected JSON.</exception>
    public static IReadOnlyList<SlackInteraction> Parse(ReadOnlySpan<byte> body)
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
            string? channel = null;
            string? ts = null;
            if (root.TryGetProperty("container", out var container))
            {
                channel = container.TryGetProperty("channel_id", out var c) ? c.GetString() : null;
                ts = container.TryGetProperty("message_ts", out var t) ? t.GetString() : null;
            }

            var result = new List<SlackInteraction>();
            foreach (var action in root.GetProperty("actions").EnumerateArray())
            {
                var actionId = action.TryGetProperty("action_id", out var a) ? a.GetString() : null;
                var value = action.TryGetProperty("value", out var v) ? v.GetString() : null;
                if (!string.IsNullOrEmpty(actionId) && !string.IsNullOrEmpty(value))
                {
                    result.Add(new SlackInteraction(actionId, value, user, channel, ts));
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The payload is not a Slack interaction.", ex);
        }
    }
}
