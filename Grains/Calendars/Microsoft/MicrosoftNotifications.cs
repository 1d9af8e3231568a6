using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Routes a Graph notification POST (change notifications and lifecycle notifications share the
/// shape <c>{"value":[{"subscriptionId","clientState","changeType","resource","lifecycleEvent",…}]}</c>)
/// to the account grains. Each item becomes a <see cref="PushNotification"/> whose token is joined
/// from the URL's routing part and the item's <c>clientState</c> (<see cref="SubscriptionAddress"/>),
/// whose resource id is the subscription id, and whose state is the <c>lifecycleEvent</c>
/// (<see cref="Missed"/>, <see cref="ReauthorizationRequired"/>, <see cref="SubscriptionRemoved"/>)
/// or <c>exists</c> for a change. The account grain verifies it; an unverified item changes nothing.
/// </summary>
public static class MicrosoftNotifications
{
    /// <summary>Lifecycle event: Graph may have dropped notifications; the account syncs in full.</summary>
    public const string Missed = "missed";

    /// <summary>Lifecycle event: the subscription needs its access renewed; the account replaces it.</summary>
    public const string ReauthorizationRequired = "reauthorizationRequired";

    /// <summary>Lifecycle event: Graph removed the subscription; the account creates a new one.</summary>
    public const string SubscriptionRemoved = "subscriptionRemoved";

    /// <summary>The most items read from one POST (Graph batches notifications; anything beyond is ignored).</summary>
    public const int MaxItems = 1000;

    /// <summary>Parses a notification body.</summary>
    /// <param name="body">The request body text.</param>
    /// <returns>The items (<c>value</c>); empty when the body is not a JSON object with a <c>value</c> array.</returns>
    public static IReadOnlyList<JsonNode> Items(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject root && root["value"] is JsonArray items
                ? [.. items.OfType<JsonNode>().Take(MaxItems)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Hands every item of a notification POST to its account grain.</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="channelId">The <c>ch</c> query value of the notification URL; may be <see langword="null"/>.</param>
    /// <param name="routing">The <c>acct</c> query value; may be <see langword="null"/>.</param>
    /// <param name="body">The request body text; may be <see langword="null"/>.</param>
    /// <returns>The verdict per item, in order (<see cref="PushVerdict.UnknownChannel"/> for items that name no account).</returns>
    public static async Task<IReadOnlyList<PushVerdict>> RouteAsync(IGrainFactory grains, string? channelId, string? routing, string? body)
    {
        ArgumentNullException.ThrowIfNull(grains);
        List<PushVerdict> verdicts = [];
        foreach (var item in Items(body))
        {
            var clientState = Text(item, "clientState");
            var subscriptionId = Text(item, "subscriptionId");
            if (subscriptionId is null || !SubscriptionAddress.TryRead(channelId, routing, clientState, out var accountKey, out var token))
            {
                verdicts.Add(PushVerdict.UnknownChannel);
                continue;
            }

            var state = Text(item, "lifecycleEvent") ?? "exists";
            verdicts.Add(await grains.GetGrain<ICalendarAccountGrain>(accountKey).ReceivePush(new PushNotification(channelId!, token, subscriptionId, state, null)));
        }

        return verdicts;
    }

    private static string? Text(JsonNode item, string name) =>
        item is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
