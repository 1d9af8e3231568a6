using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// The resilience handlers of the calendar HTTP clients (Microsoft.Extensions.Http.Resilience), built once per client.
/// Reads: each attempt bounded by <see cref="CalendarSourceOptions.RequestTimeout"/>; network errors, attempt timeouts,
/// 408, 429 and 5xx retried <see cref="CalendarSourceOptions.MaxRetries"/> times with exponential backoff and jitter
/// from <see cref="CalendarSourceOptions.RetryBaseDelay"/>; a <c>Retry-After</c> header (RFC 9110 §10.2.3) sets the
/// delay instead; every delay is capped at <see cref="MaxRetryDelay"/>. Writes: repeated only when the server closed the connection
/// without any response (every write carries a precondition, so a repeat of one that took effect is refused with 412,
/// never applied twice).
/// </summary>
internal static class CalendarResilience
{
    /// <summary>The longest delay between attempts: a longer <c>Retry-After</c> or backoff is shortened to it.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>How many times a write is sent at most.</summary>
    public const int WriteAttempts = 3;

    /// <summary>Adds the read handler to a calendar client, and sets the client's total timeout to what its attempts and delays can take.</summary>
    /// <param name="client">The client's builder.</param>
    /// <returns><paramref name="client"/>.</returns>
    public static IHttpClientBuilder AddCalendarReadResilience(this IHttpClientBuilder client)
    {
        client.ConfigureHttpClient((services, http) =>
        {
            var options = Options(services);
            http.Timeout = (options.RequestTimeout * (options.MaxRetries + 1)) + (MaxRetryDelay * options.MaxRetries);
        });
        client.AddResilienceHandler("calendar-read", (pipeline, context) =>
        {
            var options = Options(context.ServiceProvider);
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CalendarResilience));
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    MaxDelay = MaxRetryDelay,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                    DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                    OnRetry = args =>
                    {
                        LogRetry(logger, args.Context, args.AttemptNumber + 1, args.Outcome, args.RetryDelay);
                        return default;
                    },
                });
            }

            pipeline.AddTimeout(options.RequestTimeout);
        });
        return client;
    }

    /// <summary>Adds the write handler to a calendar client, and sets the client's total timeout to its attempts' timeouts.</summary>
    /// <param name="client">The client's builder.</param>
    /// <returns><paramref name="client"/>.</returns>
    public static IHttpClientBuilder AddCalendarWriteResilience(this IHttpClientBuilder client)
    {
        client.ConfigureHttpClient((services, http) => http.Timeout = Options(services).RequestTimeout * WriteAttempts);
        client.AddResilienceHandler("calendar-write", (pipeline, context) =>
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
                    LogRetry(logger, args.Context, args.AttemptNumber + 1, args.Outcome, args.RetryDelay);
                    return default;
                },
            });
            pipeline.AddTimeout(options.RequestTimeout);
        });
        return client;
    }

    private static CalendarSourceOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CalendarSourceOptions>>().Value;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException
                || (outcome.Exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
        }

        var status = outcome.Result!.StatusCode;
        return status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter?.Delta is { } delta ? (delta < MaxRetryDelay ? delta : MaxRetryDelay) : null;

    private static void LogRetry(ILogger logger, ResilienceContext context, int attempt, Outcome<HttpResponseMessage> outcome, TimeSpan delay)
    {
        var calendar = CalendarUrl.Redact(context.GetRequestMessage()?.RequestUri?.AbsoluteUri);
        var what = outcome.Exception?.GetType().Name ?? $"HTTP {(int)outcome.Result!.StatusCode}";
        CalendarLog.Retrying(logger, calendar, attempt, what, delay);
    }
}
