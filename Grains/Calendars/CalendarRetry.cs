using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// Retries of calendar reads (Polly.Core): network errors, attempt timeouts, 408, 429 and 5xx
/// are retried with exponential backoff and jitter; a <c>Retry-After</c> header (RFC 9110
/// §10.2.3) sets the delay instead, capped at <see cref="MaxRetryAfter"/>. Writes are never
/// retried here: a conditional PUT that succeeded but whose answer was lost would be refused
/// (412) on a retry, which the caller must see.
/// </summary>
internal static class CalendarRetry
{
    /// <summary>The longest <c>Retry-After</c> honoured; longer ones fail the read (the data stays stale).</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>Sends a request built by <paramref name="createRequest"/> (once per attempt) with retries.</summary>
    /// <param name="client">The client.</param>
    /// <param name="createRequest">Builds a fresh request for each attempt.</param>
    /// <param name="options">Retry settings.</param>
    /// <param name="time">The clock the delays run on.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="calendar">The redacted calendar name for the log.</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The last response (any status); the caller disposes it.</returns>
    /// <exception cref="HttpRequestException">The last attempt failed to connect.</exception>
    /// <exception cref="TaskCanceledException">The last attempt timed out.</exception>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        Func<HttpRequestMessage> createRequest,
        CalendarSourceOptions options,
        TimeProvider time,
        ILogger logger,
        string calendar,
        CancellationToken cancellationToken)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    CalendarLog.Retrying(logger, calendar, args.AttemptNumber + 1, outcome, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        var pipeline = builder.Build();
        return await pipeline.ExecuteAsync(
            async token =>
            {
                using var request = createRequest();
                return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            },
            cancellationToken);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException
                || (outcome.Exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
        }

        var status = outcome.Result!.StatusCode;
        return status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < MaxRetryAfter ? delta : MaxRetryAfter;
        }

        return null;
    }
}
