using Microsoft.Extensions.Options;
using Scheduler.Grains.Notifications.Slack;
using Scheduler.Grains.Notifications;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/slack</c>: Slack interactivity. The raw body is checked with <see cref="SlackSignatureVerifier"/>
/// (v0 HMAC, 5-minute window): a forged, altered or stale request gets 401 and changes nothing. The button presses of a
/// verified <c>block_actions</c> payload are stored in their tenant's durable <see cref="ISlackInboxGrain"/> and only
/// then answered 200 (Slack wants an answer within 3 s; storing is bounded by <see cref="StoreTimeout"/>); the inbox
/// handles them in the background and survives a restart. When they cannot be stored in time the answer is 503 and
/// Slack shows the user an error, so nothing is acknowledged that could be lost. Without <c>Slack:SigningSecret</c>
/// the route answers 404.
/// </summary>
public static class SlackWebhookApi
{
    /// <summary>The route.</summary>
    public const string Route = "/webhooks/slack";

    /// <summary>The longest time spent storing interactions before answering 503, within Slack's 3-second limit.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(2.5);

    /// <summary>Maps the route (anonymous: Slack's signature is the authentication).</summary>
    /// <param name="app">The endpoint builder.</param>
    /// <returns>The route's builder.</returns>
    public static RouteHandlerBuilder MapSlackWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapPost(Route, Handle).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> Handle(
        HttpRequest request,
        IOptionsMonitor<SlackWebhookOptions> options,
        SlackSignatureVerifier verifier,
        IGrainFactory grains,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.CurrentValue.SigningSecret))
        {
            return TypedResults.NotFound();
        }

        var log = loggers.CreateLogger(typeof(SlackWebhookApi).FullName!);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var result = verifier.Verify(request.Headers[SlackSignatureVerifier.TimestampHeader], request.Headers[SlackSignatureVerifier.SignatureHeader], body);
        if (result != SlackSignatureResult.Valid)
        {
            SlackWebhookLog.Refused(log, result);
            return TypedResults.Unauthorized();
        }

        IReadOnlyList<SlackInteractionRecord> interactions;
        try
        {
            interactions = SlackInteractionParser.Parse(body);
        }
        catch (FormatException ex)
        {
            SlackWebhookLog.Malformed(log, ex);
            return TypedResults.Ok();
        }

        var byTenant = interactions.ToLookup(TenantOf, StringComparer.Ordinal);
        foreach (var ignored in byTenant[null])
        {
            SlackWebhookLog.Ignored(log, ignored.ActionId, ignored.Value, ignored.UserId);
        }

        try
        {
            await Task.WhenAll(byTenant.Where(group => group.Key is not null).Select(group => grains.GetGrain<ISlackInboxGrain>(group.Key!).Accept([.. group])))
                .WaitAsync(StoreTimeout, time, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SlackWebhookLog.NotStored(log, ex, interactions.Count);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    private static string? TenantOf(SlackInteractionRecord interaction)
    {
        try
        {
            return GrainKeys.Split(SlackActions.Parse(interaction.Value).Key).Tenant;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
