using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// How a Graph subscription carries our channel: Graph limits <c>clientState</c> to 128 characters,
/// shorter than a <see cref="ChannelTokens"/> token, so the token is split. Its routing part (the
/// base64url account key) and our channel id travel in the notification URL's query
/// (<c>?ch={channelId}&amp;acct={routing}</c>), its secret part (43 characters) is the
/// <c>clientState</c>. The webhook joins them back, and the account grain compares the whole token
/// in constant time, so a notification without the secret changes nothing.
/// </summary>
public static class SubscriptionAddress
{
    /// <summary>The query parameter holding our channel id.</summary>
    public const string ChannelParameter = "ch";

    /// <summary>The query parameter holding the token's routing part.</summary>
    public const string AccountParameter = "acct";

    /// <summary>Builds the notification URL and the client state of a channel.</summary>
    /// <param name="webhookUrl">The webhook address (<see cref="Providers.CalendarProviderOptions.WebhookUrl"/>), without query.</param>
    /// <param name="channelId">Our channel id.</param>
    /// <param name="channelToken">The channel token from <see cref="ChannelTokens.NewToken"/>.</param>
    /// <returns>The URL and the client state.</returns>
    /// <exception cref="ArgumentException">The token is not of the <see cref="ChannelTokens"/> shape, or its secret is over 128 characters.</exception>
    public static (Uri NotificationUrl, string ClientState) Build(Uri webhookUrl, string channelId, string channelToken)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(channelToken);
        var dot = channelToken.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || channelToken.Length - dot - 1 is < 1 or > 128)
        {
            throw new ArgumentException("Not a channel token.", nameof(channelToken));
        }

        var url = new UriBuilder(webhookUrl)
        {
            Query = $"{ChannelParameter}={Uri.EscapeDataString(channelId)}&{AccountParameter}={Uri.EscapeDataString(channelToken[..dot])}",
        };
        return (url.Uri, channelToken[(dot + 1)..]);
    }

    /// <summary>Joins a received notification back into our channel and token.</summary>
    /// <param name="channelId">The <c>ch</c> query value; may be <see langword="null"/>.</param>
    /// <param name="routing">The <c>acct</c> query value; may be <see langword="null"/>.</param>
    /// <param name="clientState">The notification's <c>clientState</c>; may be <see langword="null"/>.</param>
    /// <param name="accountKey">The account grain key named by the routing part (not yet verified).</param>
    /// <param name="token">The channel token to verify.</param>
    /// <returns><see langword="true"/> when all parts are present and name a well-formed account key.</returns>
    public static bool TryRead(string? channelId, string? routing, string? clientState, out string accountKey, out string token)
    {
        token = string.Empty;
        accountKey = string.Empty;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(routing) || string.IsNullOrEmpty(clientState) || clientState.Length > 128)
        {
            return false;
        }

        token = routing + "." + clientState;
        return ChannelTokens.TryReadAccountKey(token, out accountKey);
    }
}
