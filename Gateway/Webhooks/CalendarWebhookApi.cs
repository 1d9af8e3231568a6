using Scheduler.Grains.Calendars.Providers;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// <c>POST /webhooks/{provider}</c> for every registered <see cref="ICalendarProviderEndpoints"/> (anonymous: the channel token is
/// the authentication), answered by <see cref="ICalendarProviderEndpoints.ReceiveWebhookAsync"/>: Google channel deliveries (the
/// <c>X-Goog-*</c> headers; 200 when verified), Graph change and lifecycle notifications (the <c>validationToken</c>
/// handshake echoed as <c>text/plain</c> with 200; 202 when an item was verified). Unknown or forged notifications
/// answer 404 and change nothing, as does every delivery while the provider has no webhook address.
/// </summary>
public static class CalendarWebhookApi
{
    /// <summary>The largest notification body read, in bytes (Graph batches notifications; larger bodies are refused with 413).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps the route of every provider registered in the app's services.</summary>
    /// <param name="app">The endpoint builder.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static IEndpointRouteBuilder MapCalendarWebhooks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var provider in app.ServiceProvider.GetServices<ICalendarProviderEndpoints>())
        {
            app.MapPost($"/webhooks/{provider.Provider}", (HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                    HandleAsync(provider, request, grains, loggers, cancellationToken))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(ICalendarProviderEndpoints provider, HttpRequest request, IGrainFactory grains, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        string? Header(string name) => request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
        string? Query(string name) => request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
        var (status, text, notifications) = await provider.ReceiveWebhookAsync(grains, new WebhookRequest(Header, Query, body));
        if (text is not null)
        {
            return TypedResults.Text(text, "text/plain", statusCode: status);
        }

        if (status == StatusCodes.Status404NotFound && provider.CanWatch)
        {
            CalendarWebhookLog.Refused(loggers.CreateLogger(typeof(CalendarWebhookApi).FullName!), provider.Provider, notifications);
        }

        return TypedResults.StatusCode(status);
    }
}
