using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Microsoft;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/microsoft</c>: Microsoft Graph change and lifecycle notifications (Graph
/// "Receive change notifications through webhooks"). A request with <c>validationToken</c> in
/// the query is Graph's subscription handshake: the token is echoed, URL-decoded, as
/// <c>text/plain</c> with 200 at once (Graph allows 10 seconds). Otherwise the JSON body's items
/// are routed by the URL's <c>ch</c>/<c>acct</c> query and verified by the account grain
/// (<see cref="MicrosoftNotifications"/>): 202 when at least one item was accepted (its sync runs
/// after, one-way), 404 when none was, and nothing changes for unverified items. Without
/// <c>Microsoft:WebhookUrl</c> the route answers 404.
/// </summary>
public static class MicrosoftWebhookApi
{
    /// <summary>The route.</summary>
    public const string Route = "/webhooks/microsoft";

    /// <summary>The largest notification body read, in bytes (Graph batches notifications; larger bodies are refused with 413).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps the route (anonymous: the client state is the authentication).</summary>
    /// <param name="app">The endpoint builder.</param>
    /// <returns>The route's builder.</returns>
    public static RouteHandlerBuilder MapMicrosoftWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapPost(Route, Handle).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> Handle(HttpRequest request, IOptionsMonitor<MicrosoftOptions> options, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (options.CurrentValue.WebhookUrl is null)
        {
            return TypedResults.NotFound();
        }

        if (request.Query.TryGetValue("validationToken", out var validation))
        {
            return TypedResults.Text(validation.ToString(), "text/plain", statusCode: StatusCodes.Status200OK);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var channelId = request.Query[SubscriptionAddress.ChannelParameter].ToString();
        var verdicts = await MicrosoftNotifications.RouteAsync(grains, channelId, request.Query[SubscriptionAddress.AccountParameter].ToString(), body);
        if (verdicts.Contains(PushVerdict.Accepted))
        {
            return TypedResults.Accepted((string?)null);
        }

        MicrosoftWebhookLog.Refused(loggers.CreateLogger(typeof(MicrosoftWebhookApi).FullName!), channelId, verdicts.Count);
        return TypedResults.NotFound();
    }
}
