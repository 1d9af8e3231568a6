using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// The resilience handlers of the calendar HTTP clients, built once per client. Reads use
/// <see cref="HttpRetryResilience"/> with <see cref="CalendarSourceOptions.MaxRetries"/>,
/// <see cref="CalendarSourceOptions.RetryBaseDelay"/> and <see cref="CalendarSourceOptions.RequestTimeout"/>, every delay
/// at most <see cref="MaxRetryDelay"/>. Writes are repeated only when the server closed the connection without any
/// response (every write carries a precondition, so a repeat of one that took effect is refused with 412, never
/// applied twice).
/// </summary>
internal static class CalendarResilience
{
    /// <summary>The longest delay between read attempts; a longer <c>Retry-After</c> ends the retries.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>How many times a write is sent at most.</summary>
    public const int WriteAttempts = 3;

    /// <summary>Adds the read handler to a calendar client (and its total timeout).</summary>
    /// <param name="client">The client's builder.</param>
    /// <returns><paramref name="client"/>.</returns>
    public static IHttpClientBuilder AddCalendarReadResilience(this IHttpClientBuilder client) =>
        client.AddRetryResilience("calendar-read", services =>
        {
            var options = Options(services);
            return new HttpRetrySettings(options.MaxRetries, options.RetryBaseDelay, MaxRetryDelay, options.RequestTimeout);
        });

    /// <summary>Adds the write handler to a calendar client, and sets the client's total timeout to its attempts' timeouts.</summary>
    /// <param name="client">The client's builder.</param>
    /// <returns><paramref name="client"/>.</returns>
    public static IHttpClientBuilder AddCalendarWriteResilience(this IHttpClientBuilder client)
    {
        client.ConfigureHttpClient((services, http) => http.Timeout = Options(services).RequestTimeout * WriteAttempts);
        client.ReplaceResilienceHandler("calendar-write", (pipeline, context) =>
        {
            var options = Options(context.ServiceProvider);
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CalendarResilience));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = WriteAttempts - 1,
                Delay = TimeSpan.Zero,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }),
                OnRetry = args =>
                {
                    HttpRetryResilience.LogRetry(logger, args.Context, args.AttemptNumber + 1, args.Outcome, args.RetryDelay);
                    return default;
                },
            });
            pipeline.AddTimeout(options.RequestTimeout);
        });
        return client;
    }

    private static CalendarSourceOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CalendarSourceOptions>>().Value;
}
