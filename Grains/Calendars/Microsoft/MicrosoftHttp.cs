using System.Net;
using Microsoft.Kiota.Abstractions;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Sends requests to Graph and the identity platform through the <see cref="HttpClientName"/> client, whose handler
/// retries them (<see cref="HttpRetryResilience"/>: 408, 429 and 5xx, <c>Retry-After</c> as Graph's throttling guidance
/// asks). A call about a mailbox holds one of its <see cref="MailboxLimiter"/> slots for all its attempts. Retrying
/// writes is safe: events carry a <c>transactionId</c>, subscriptions and events are deleted by id.
/// </summary>
/// <param name="factory">Creates the named client <see cref="HttpClientName"/>.</param>
/// <param name="limiter">The per-mailbox concurrency limit.</param>
public sealed class MicrosoftHttp(IHttpClientFactory factory, MailboxLimiter limiter) : ProviderHttp(factory, HttpClientName, "Microsoft", MicrosoftErrors.Code)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Microsoft.</summary>
    public const string HttpClientName = MicrosoftProvider.ProviderName;

    /// <summary>
    /// Runs a Graph SDK call (its requests go through the <see cref="HttpClientName"/> client, so they are retried there)
    /// holding a slot of <paramref name="mailbox"/>; the SDK's <see cref="ApiException"/> (Graph's <c>ODataError</c>) gives
    /// the status and error code.
    /// </summary>
    /// <typeparam name="T">What the call returns.</typeparam>
    /// <param name="operation">The operation name, for errors.</param>
    /// <param name="mailbox">The mailbox whose concurrency slot the call holds; <see langword="null"/> for calls not about a mailbox.</param>
    /// <param name="call">Makes the call.</param>
    /// <param name="notFoundIsSuccess">Whether a 404 means done (deleting or cancelling what is already gone); the result is then <see langword="default"/>.</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="CalendarProviderException">Graph refused after retries; or could not be reached (status 503 with the network error inside).</exception>
    public async Task<T?> RunAsync<T>(string operation, string? mailbox, Func<CancellationToken, Task<T>> call, bool notFoundIsSuccess, CancellationToken cancellationToken)
    {
        using var slot = mailbox is null ? null : await limiter.EnterAsync(mailbox, cancellationToken);
        try
        {
            return await call(cancellationToken);
        }
        catch (ApiException exception) when (notFoundIsSuccess && exception.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return default;
        }
        catch (ApiException exception)
        {
            var code = (exception as global::Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code;
            throw new CalendarProviderException(operation, (HttpStatusCode)exception.ResponseStatusCode, code, exception);
        }
        catch (Exception exception) when (HttpRetryResilience.IsUnreachable(exception, cancellationToken))
        {
            throw new CalendarProviderException(operation, HttpStatusCode.ServiceUnavailable, "unreachable", exception);
        }
    }
}
