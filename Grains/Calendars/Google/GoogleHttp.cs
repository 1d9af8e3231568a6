using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Sends requests to Google through the <see cref="HttpClientName"/> client, whose handler retries them
/// (<see cref="HttpRetryResilience"/>; besides 408, 429 and 5xx, 403 quota errors such as <c>rateLimitExceeded</c> are
/// transient). Retrying writes is safe because every write is idempotent: events carry ids we choose, channels are
/// stopped by id.
/// </summary>
/// <param name="factory">Creates the named client <see cref="HttpClientName"/>.</param>
public sealed class GoogleHttp(IHttpClientFactory factory)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Google.</summary>
    public const string HttpClientName = "google";

    /// <summary>Sends a request and returns the JSON body of a success.</summary>
    /// <param name="operation">The operation name, for errors and logs (e.g. <c>freeBusy</c>).</param>
    /// <param name="request">The request; disposed here.</param>
    /// <param name="accept">Statuses besides 2xx that count as success (their body is returned; may be empty).</param>
    /// <param name="cancellationToken">Cancels the whole operation.</param>
    /// <returns>The status and the parsed body (<see langword="null"/> when empty).</returns>
    /// <exception cref="CalendarProviderException">A non-success status after retries; or the service could not be reached (status 503 with the network error inside).</exception>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        string operation,
        HttpRequestMessage request,
        IReadOnlyCollection<HttpStatusCode>? accept,
        CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Options.Set(HttpRetryResilience.Operation, "Google " + operation);
            string text;
            HttpStatusCode status;
            try
            {
                using var response = await factory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
                status = response.StatusCode;
                text = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception exception) when (HttpRetryResilience.IsUnreachable(exception, cancellationToken))
            {
                throw new CalendarProviderException(operation, HttpStatusCode.ServiceUnavailable, "unreachable", exception);
            }

            if ((int)status is < 200 or >= 300 && !(accept?.Contains(status) ?? false))
            {
                throw new CalendarProviderException(operation, status, GoogleErrors.Reason(text));
            }

            return (status, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
        }
    }

    /// <summary>Whether a Google answer besides 408, 429 and 5xx is worth retrying: 403 with a quota reason.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns><see langword="true"/> for 403 <c>rateLimitExceeded</c>, <c>userRateLimitExceeded</c> or <c>quotaExceeded</c>.</returns>
    internal static async ValueTask<bool> IsQuotaErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode == HttpStatusCode.Forbidden
        && GoogleErrors.Reason(await response.Content.ReadAsStringAsync(cancellationToken)) is { } reason
        && GoogleErrors.QuotaReasons.Contains(reason);
}
