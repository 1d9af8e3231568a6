using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Calendars.Google;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/google</c>: Google Calendar push notifications (Calendar API push guide). The
/// body is empty; the <c>X-Goog-*</c> headers name the channel. The account is read from the channel
/// token and the account grain checks channel id, token (constant time) and resource id: a verified
/// notification answers 200 at once (the sync runs after, one-way); an unknown or forged one answers
/// 404 and changes nothing. Without <c>Google:WebhookUrl</c> the route answers 404.
/// </summary>
public static class GoogleWebhookApi
{
    /// <summary>The route.</summary>
    public const string Route = "/webhooks/google";

    /// <summary>Maps the route (anonymous: the channel token is the authentication).</summary>
    /// <param name="app">The endpoint builder.</param>
    /// <returns>The route's builder.</returns>
    public static RouteHandlerBuilder MapGoogleWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapPost(Route, Handle).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> Handle(HttpRequest request, IOptionsMonitor<GoogleOptions> options, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (options.CurrentValue.WebhookUrl is null)
        {
            return TypedResults.NotFound();
        }

        var headers = request.Headers;
        var token = headers["X-Goog-Channel-Token"].ToString();
        var channelId = headers["X-Goog-Channel-ID"].ToString();
        var log = loggers.CreateLogger(typeof(GoogleWebhookApi).FullName!);
        if (channelId.Length == 0 || !ChannelTokens.TryReadAccountKey(token, out var accountKey))
        {
            GoogleWebhookLog.Unroutable(log, channelId);
            return TypedResults.NotFound();
        }

        var number = long.TryParse(headers["X-Goog-Message-Number"].ToString(), out var n) ? n : (long?)null;
        var notification = new PushNotification(channelId, token, headers["X-Goog-Resource-ID"].ToString(), headers["X-Goog-Resource-State"].ToString(), number);
        var verdict = await grains.GetGrain<ICalendarAccountGrain>(accountKey).ReceivePush(notification);
        return verdict == PushVerdict.Accepted ? TypedResults.Ok() : TypedResults.NotFound();
    }
}
