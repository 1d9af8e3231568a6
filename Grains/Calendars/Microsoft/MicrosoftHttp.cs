using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Microsoft.Kiota.Abstractions;
using Polly.Retry;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Sends requests to Graph and the identity platform with retries (Polly.Core): network errors,
/// attempt timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter; a
/// <c>Retry-After</c> header (Graph throttling guidance, RFC 9110 §10.2.3) sets the delay instead.
/// Each attempt holds a <see cref="MailboxLimiter"/> slot of its mailbox. Retrying writes is safe:
/// events carry a <c>transactionId</c>, subscriptions and events are deleted by id.
/// </summary>
/// <param name="factory">Creates the named client <see cref="HttpClientName"/>.</param>
/// <param name="limiter">The per-mailbox concurrency limit.</param>
/// <param name="options">Settings.</param>
/// <param name="time">The clock the delays run on.</param>
/// <param name="logger">Where retries are logged.</param>
public sealed class MicrosoftHttp(IHttpClientFactory factory, MailboxLimiter limiter, IOptions<MicrosoftOptions> options, TimeProvider time, ILogger<MicrosoftHttp> logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Microsoft.</summary>
    public const string HttpClientName = "microsoft";

    /// <summary>Sends a request (built afresh per attempt) and returns the JSON body of a success.</summary>
    /// <param name="operation">The operation name, for errors and logs (e.g. <c>getSchedule</c>).</param>
    /// <param name="mailbox">The mailbox whose concurrency slot each attempt holds; <see langword="null"/> for calls not about a mailbox (tokens, subscriptions).</param>
    /// <param name="createRequest">Builds the request.</param>
    /// <param name="accept">Statuses besides 2xx that count as success (their body is returned; may be empty).</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The status and the parsed body (<see langword="null"/> when empty).</returns>
    /// <exception cref="CalendarProviderException">A non-success status after retries; or the service could not be reached (status 503 with the network error inside).</exception>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        string operation,
        string? mailbox,
        Func<HttpRequestMessage> createRequest,
        IReadOnlyCollection<HttpStatusCode>? accept,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = factory.CreateClient(HttpClientName);
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null
                    ? args.Outcome.Exception is HttpRequestException || (args.Outcome.Exception is OperationCanceledException && !args.Context.CancellationToken.IsCancellationRequested)
                    : ShouldRetry(args.Outcome.Result!, settings)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.Status} {args.Outcome.Result.Code}";
                    MicrosoftLog.Retrying(logger, operation, args.AttemptNumber + 1, outcome, args.RetryDelay);
                    return default;
                },
            });
        }

        Attempt attempt;
        try
        {
            attempt = await builder.Build().ExecuteAsync(
                async token =>
                {
                    using var slot = mailbox is null ? null : await limiter.EnterAsync(mailbox, token);
                    using var request = createRequest();
                    using var response = await client.SendAsync(request, token);
                    var text = await response.Content.ReadAsStringAsync(token);
                    var ok = response.IsSuccessStatusCode || (accept?.Contains(response.StatusCode) ?? false);
                    return new Attempt(response.StatusCode, ok, text, ok ? null : MicrosoftErrors.Code(text), RetryAfter(response));
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CalendarProviderException(operation, HttpStatusCode.ServiceUnavailable, "unreachable", exception);
        }

        if (!attempt.Accepted)
        {
            throw new CalendarProviderException(operation, attempt.Status, attempt.Code);
        }

        return (attempt.Status, string.IsNullOrWhiteSpace(attempt.Body) ? null : JsonNode.Parse(attempt.Body));
    }

    /// <summary>
    /// Runs a Graph SDK call (one attempt per invocation of <paramref name="call"/>) with the same
    /// retries and per-mailbox limit as <see cref="SendAsync"/>; the SDK's <see cref="ApiException"/>
    /// (Graph's <c>ODataError</c>) gives the status, error code and <c>Retry-After</c>.
    /// </summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="operation">The operation name, for errors and logs.</param>
    /// <param name="mailbox">The mailbox whose concurrency slot each attempt holds; <see langword="null"/> for calls not about a mailbox.</param>
    /// <param name="call">Makes one attempt.</param>
    /// <param name="notFoundIsSuccess">Whether a 404 means done (deleting or cancelling what is already gone); the result is then <see langword="default"/>.</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="CalendarProviderException">Graph refused after retries; or could not be reached (status 503 with the network error inside).</exception>
    public async Task<T?> RunAsync<T>(string operation, string? mailbox, Func<CancellationToken, Task<T>> call, bool notFoundIsSuccess, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder<SdkAttempt<T>> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<SdkAttempt<T>>
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null
                    ? args.Outcome.Exception is HttpRequestException || (args.Outcome.Exception is OperationCanceledException && !args.Context.CancellationToken.IsCancellationRequested)
                    : args.Outcome.Result!.Failure is { } failure && ShouldRetry(failure, settings)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.Failure?.RetryAfter),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.Failure!.Status} {args.Outcome.Result.Failure.Code}";
                    MicrosoftLog.Retrying(logger, operation, args.AttemptNumber + 1, outcome, args.RetryDelay);
                    return default;
                },
            });
        }

        SdkAttempt<T> attempt;
        try
        {
            attempt = await builder.Build().ExecuteAsync(
                async token =>
                {
                    using var slot = mailbox is null ? null : await limiter.EnterAsync(mailbox, token);
                    try
                    {
                        return new SdkAttempt<T>(await call(token), null);
                    }
                    catch (ApiException exception) when (!(notFoundIsSuccess && exception.ResponseStatusCode == (int)HttpStatusCode.NotFound))
                    {
                        var code = (exception as global::Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code;
                        return new SdkAttempt<T>(default, new Attempt((HttpStatusCode)exception.ResponseStatusCode, false, string.Empty, code, RetryAfter(exception.ResponseHeaders)));
                    }
                    catch (ApiException)
                    {
                        return new SdkAttempt<T>(default, null);
                    }
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CalendarProviderException(operation, HttpStatusCode.ServiceUnavailable, "unreachable", exception);
        }

        return attempt.Failure is { } refused ? throw new CalendarProviderException(operation, refused.Status, refused.Code) : attempt.Result;
    }

    private TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>> headers)
    {
        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? (date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
    }

    private static bool ShouldRetry(Attempt attempt, MicrosoftOptions settings) =>
        !attempt.Accepted && MicrosoftErrors.IsTransient(attempt.Status) && (attempt.RetryAfter is null || attempt.RetryAfter <= settings.MaxRetryAfter);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null;
    }

    private sealed record SdkAttempt<T>(T? Result, Attempt? Failure);

    private sealed record Attempt(HttpStatusCode Status, bool Accepted, string Body, string? Code, TimeSpan? RetryAfter);
}
