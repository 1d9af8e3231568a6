using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Reads a Graph notification POST (change notifications and lifecycle notifications share the
/// shape <c>{"value":[{"subscriptionId","clientState","changeType","resource","lifecycleEvent",…}]}</c>).
/// Each item becomes a <see cref="PushNotification"/> whose token is joined from the URL's routing part
/// and the item's <c>clientState</c> (<see cref="SubscriptionAddress"/>), whose resource id is the
/// subscription id, and whose kind comes from the <c>lifecycleEvent</c> (<see cref="Kind"/>). The
/// account grain verifies it; an unverified item changes nothing.
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

    /// <summary>A repeated property name is refused while parsing (a <see cref="JsonObject"/> would throw when it is read).</summary>
    private static readonly JsonDocumentOptions UniqueProperties = new() { AllowDuplicateProperties = false };

    /// <summary>Parses a notification body.</summary>
    /// <param name="body">The request body text.</param>
    /// <returns>The items (<c>value</c>); empty when the body is not a JSON object with a <c>value</c> array (or repeats a property name).</returns>
    public static IReadOnlyList<JsonNode> Items(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(body, documentOptions: UniqueProperties) is JsonObject root && root["value"] is JsonArray items
                ? [.. items.OfType<JsonNode>().Take(MaxItems)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Reads every item of a notification POST.</summary>
    /// <param name="channelId">The <c>ch</c> query value of the notification URL; may be <see langword="null"/>.</param>
    /// <param name="routing">The <c>acct</c> query value; may be <see langword="null"/>.</param>
    /// <param name="body">The request body text; may be <see langword="null"/>.</param>
    /// <returns>The items that name an account, each with its account key, in order.</returns>
    public static IReadOnlyList<(string AccountKey, PushNotification Notification)> Read(string? channelId, string? routing, string? body)
    {
        List<(string, PushNotification)> pushes = [];
        foreach (var item in Items(body))
        {
            var subscriptionId = Text(item, "subscriptionId");
            if (subscriptionId is not null && SubscriptionAddress.TryRead(channelId, routing, Text(item, "clientState"), out var accountKey, out var token))
            {
                pushes.Add((accountKey, new PushNotification(channelId!, token, subscriptionId, Kind(Text(item, "lifecycleEvent")))));
            }
        }

        return pushes;
    }

    /// <summary>Maps an item's <c>lifecycleEvent</c> (<see langword="null"/> for a change notification) to the notification kind.</summary>
    /// <param name="lifecycleEvent">The lifecycle event.</param>
    /// <returns>The kind; <see cref="CalendarNotificationKind.None"/> for lifecycle events not acted on.</returns>
    public static CalendarNotificationKind Kind(string? lifecycleEvent) => lifecycleEvent switch
    {
        null => CalendarNotificationKind.Changed,
        Missed => CalendarNotificationKind.Missed,
        ReauthorizationRequired or SubscriptionRemoved => CalendarNotificationKind.ChannelEnded,
        _ => CalendarNotificationKind.None,
    };

    private static string? Text(JsonNode item, string name)
    {
        try
        {
            return item is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
        catch (InvalidOperationException)
        {
            // A string with a lone surrogate escape ("\ud800") is no text.
            return null;
        }
    }
}
