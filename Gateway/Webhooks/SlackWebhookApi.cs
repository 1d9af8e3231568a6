using Microsoft.Extensions.Options;
using Scheduler.Grains.Notifications;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/slack</c>: Slack interactivity. The raw body is checked with <see cref="SlackSignatureVerifier"/>
/// (v0 HMAC, 5-minute window): a forged, altered or stale request gets 401 and changes nothing. A verified
/// <c>block_actions</c> payload is queued and answered 200 at once (Slack wants an answer within 3 s); the
/// <see cref="SlackInteractionProcessor"/> does the work. Without <c>Slack:SigningSecret</c> the route answers 404.
/// </summary>
public static class SlackWebhookApi
{
    /// <summary>The route.</summary>
    public const string Route = "/webhooks/slack";

    /// <summary>Registers the queue and the background processor.</summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddSlackWebhook(this IServiceCollection services)
    {
        services.AddSingleton<SlackInteractionQueue>();
        services.AddHostedService<SlackInteractionProcessor>();
        return services;
    }

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
        IOptionsMonitor<SlackOptions> options,
        SlackSignatureVerifier verifier,
        SlackInteractionQueue queue,
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

        IReadOnlyList<SlackInteraction> interactions;
        try
        {
            interactions = SlackInteractionParser.Parse(body);
        }
        catch (FormatException ex)
        {
            SlackWebhookLog.Malformed(log, ex);
            return TypedResults.Ok();
        }

        foreach (var interaction in interactions)
        {
            if (!queue.TryEnqueue(interaction))
            {
                SlackWebhookLog.QueueFull(log, interaction.ActionId, interaction.Value, interaction.UserId);
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        }

        return TypedResults.Ok();
    }
}
