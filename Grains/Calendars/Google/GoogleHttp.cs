using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Sends requests to Google with retries (Polly.Core): network errors, attempt timeouts, 408, 429,
/// 5xx and 403 quota errors (<c>rateLimitExceeded</c>, <c>userRateLimitExceeded</c>) are retried with
/// exponential backoff and jitter; a <c>Retry-After</c> header (RFC 9110 §10.2.3) sets the delay
/// instead. Retrying writes is safe because every write is idempotent: events carry ids we choose,
/// channels are stopped by id.
/// </summary>
/// <param name="factory">Creates the named client <see cref="HttpClientName"/>.</param>
/// <param name="options">Settings.</param>
/// <param name="time">The clock the delays run on.</param>
/// <param name="logger">Where retries are logged.</param>
public sealed class GoogleHttp(IHttpClientFactory factory, IOptions<GoogleOptions> options, TimeProvider time, ILogger<GoogleHttp> logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Google.</summary>
    public const string HttpClientName = "google";

    /// <summary>Sends a request (built afresh per attempt) and returns the JSON body of a success.</summary>
    /// <param name="operation">The operation name, for errors and logs (e.g. <c>freeBusy</c>).</param>
    /// <param name="createRequest">Builds the request.</param>
    /// <param name="accept">Statuses besides 2xx that count as success (their body is returned; may be empty).</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The status and the parsed body (<see langword="null"/> when empty).</returns>
    /// <exception cref="CalendarProviderException">A non-success status after retries; or the service could not be reached (status 503 with the network error inside).</exception>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        string operation,
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
                    : GoogleErrors.IsTransient(args.Outcome.Result!.Status, args.Outcome.Result.Reason)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter is { } after && after <= settings.MaxRetryAfter ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int)args.Outcome.Result!.Status} {args.Outcome.Result.Reason}";
                    GoogleLog.Retrying(logger, operation, args.AttemptNumber + 1, outcome, args.RetryDelay);
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
                    using var request = createRequest();
                    using var response = await client.SendAsync(request, token);
                    var text = await response.Content.ReadAsStringAsync(token);
                    var ok = response.IsSuccessStatusCode || (accept?.Contains(response.StatusCode) ?? false);
                    return new Attempt(response.StatusCode, text, ok ? null : GoogleErrors.Reason(text), response.Headers.RetryAfter?.Delta);
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CalendarProviderException(operation, HttpStatusCode.ServiceUnavailable, "unreachable", exception);
        }

        var success = (int)attempt.Status is >= 200 and < 300 || (accept?.Contains(attempt.Status) ?? false);
        if (!success)
        {
            throw new CalendarProviderException(operation, attempt.Status, attempt.Reason);
        }

        return (attempt.Status, string.IsNullOrWhiteSpace(attempt.Body) ? null : JsonNode.Parse(attempt.Body));
    }

    private sealed record Attempt(HttpStatusCode Status, string Body, string? Reason, TimeSpan? RetryAfter);
}
