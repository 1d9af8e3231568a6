using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Scheduler.Grains.Common.Http;

/// <summary>
/// The one retrying resilience handler of the outbound HTTP clients (Microsoft.Extensions.Http.Resilience), built once
/// per client. Each attempt is bounded by <see cref="HttpRetrySettings.AttemptTimeout"/>; network errors, attempt
/// timeouts, 408, 429, 5xx and what the client adds as transient are retried with exponential backoff and jitter; a
/// <c>Retry-After</c> header (seconds or a date, RFC 9110 §10.2.3) sets the delay instead, and one longer than
/// <see cref="HttpRetrySettings.MaxDelay"/> ends the retries with that answer. The client's total timeout is set to
/// <see cref="HttpRetrySettings.TotalTimeout"/>; resilience handlers added before (such as the host's defaults) are removed. Optionally a circuit breaker (per host) fails calls at once while half
/// of at least 20 attempts in 30 s failed, for 15 s.
/// </summary>
public static class HttpRetryResilience
{
    /// <summary>The request option naming the operation in logs (e.g. <c>freeBusy</c>); without it the method and host are logged.</summary>
    public static readonly HttpRequestOptionsKey<string> Operation = new("Scheduler.Operation");

    /// <summary>Adds the handler to a client.</summary>
    /// <param name="client">The client's builder.</param>
    /// <param name="name">The pipeline's name (unique per client, e.g. <c>google</c>).</param>
    /// <param name="settings">Reads the settings from the services (called when the client and the pipeline are built).</param>
    /// <param name="isTransient">Answers besides 408, 429 and 5xx that a retry may fix (e.g. Google's 403 <c>rateLimitExceeded</c>); may read the body, which stays readable.</param>
    /// <param name="breakCircuit">Whether to add the circuit breaker.</param>
    /// <returns><paramref name="client"/>.</returns>
    public static IHttpClientBuilder AddRetryResilience(
        this IHttpClientBuilder client,
        string name,
        Func<IServiceProvider, HttpRetrySettings> settings,
        Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? isTransient = null,
        bool breakCircuit = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        client.ConfigureHttpClient((services, http) => http.Timeout = settings(services).TotalTimeout);
        var handler = client.ReplaceResilienceHandler(name, (pipeline, context) =>
        {
            var retry = settings(context.ServiceProvider);
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpRetryResilience));
            ValueTask<bool> ShouldHandle(Outcome<HttpResponseMessage> outcome, CancellationToken token) =>
                outcome.Exception is not null
                    ? ValueTask.FromResult(outcome.Exception is HttpRequestException or TimeoutRejectedException
                        || (outcome.Exception is OperationCanceledException && !token.IsCancellationRequested))
                    : IsTransientAsync(outcome.Result!, isTransient, token);
            if (retry.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = retry.MaxRetries,
                    Delay = retry.BaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    MaxDelay = retry.MaxDelay,
                    ShouldHandle = async args => RetryAfter(args.Outcome.Result, time) is not { } after
                        ? await ShouldHandle(args.Outcome, args.Context.CancellationToken)
                        : after <= retry.MaxDelay && await ShouldHandle(args.Outcome, args.Context.CancellationToken),
                    DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
                    OnRetry = args =>
                    {
                        LogRetry(logger, args.Context, args.AttemptNumber + 1, args.Outcome, args.RetryDelay);
                        return default;
                    },
                });
            }

            if (breakCircuit)
            {
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 20,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(15),
                    ShouldHandle = args => ShouldHandle(args.Outcome, args.Context.CancellationToken),
                });
            }

            pipeline.AddTimeout(retry.AttemptTimeout);
        });
        if (breakCircuit)
        {
            handler.SelectPipelineByAuthority();
        }

        return client;
    }

    /// <summary>
    /// Adds a resilience handler after removing those added before it, such as the standard handler the host's defaults give
    /// every client (<c>ConfigureHttpClientDefaults</c>), so a client never retries in two layers.
    /// </summary>
    /// <param name="client">The client's builder.</param>
    /// <param name="name">The pipeline's name.</param>
    /// <param name="configure">Builds the pipeline.</param>
    /// <returns>The handler's builder.</returns>
    public static IHttpResiliencePipelineBuilder ReplaceResilienceHandler(
        this IHttpClientBuilder client,
        string name,
        Action<ResiliencePipelineBuilder<HttpResponseMessage>, ResilienceHandlerContext> configure)
    {
        ArgumentNullException.ThrowIfNull(client);
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is the library's way to override the defaults; marked experimental in 10.x.
        return client.RemoveAllResilienceHandlers().AddResilienceHandler(name, configure);
#pragma warning restore EXTEXP0001
    }

    /// <summary>Whether an exception out of a client with this handler means the service could not be reached (rather than a bug or the caller's cancellation).</summary>
    /// <param name="exception">What the send threw.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it asked for is not "unreachable".</param>
    /// <returns><see langword="true"/> for network errors, timeouts and an open circuit.</returns>
    public static bool IsUnreachable(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static async ValueTask<bool> IsTransientAsync(HttpResponseMessage response, Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? isTransient, CancellationToken cancellationToken) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)response.StatusCode >= 500
        || (isTransient is not null && await isTransient(response, cancellationToken));

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null;
    }

    /// <summary>Logs a retry of a request of <paramref name="context"/> (its <see cref="Operation"/>, else its method and host).</summary>
    internal static void LogRetry(ILogger logger, ResilienceContext context, int attempt, Outcome<HttpResponseMessage> outcome, TimeSpan delay)
    {
        var request = context.GetRequestMessage();
        var operation = request is not null && request.Options.TryGetValue(Operation, out var named)
            ? named
            : $"{request?.Method} {request?.RequestUri?.Host}";
        var what = outcome.Exception?.GetType().Name ?? $"HTTP {(int)outcome.Result!.StatusCode}";
        HttpRetryLog.Retrying(logger, operation, attempt, what, delay);
    }
}
