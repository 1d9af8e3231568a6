using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// Sends a provider's JSON requests through its named <see cref="HttpClient"/>, whose handler retries them
/// (<see cref="HttpRetryResilience"/>), and turns failures into <see cref="CalendarProviderException"/>.
/// </summary>
/// <param name="factory">Creates the named client.</param>
/// <param name="clientName">The name of the provider's <see cref="HttpClient"/> (its provider name: <c>google</c>, <c>microsoft</c>).</param>
/// <param name="label">The provider's name in retry logs (<c>Google</c>, <c>Microsoft</c>).</param>
/// <param name="reason">Reads the provider's error code from an error body; <see langword="null"/> when there is none.</param>
public abstract class ProviderHttp(IHttpClientFactory factory, string clientName, string label, Func<string?, string?> reason)
{
    /// <summary>Sends a request and returns the JSON body of a success.</summary>
    /// <param name="operation">The operation name, for errors and logs (e.g. <c>freeBusy</c>, <c>token.refresh_token</c>).</param>
    /// <param name="request">The request; disposed here.</param>
    /// <param name="accept">Statuses besides 2xx that count as success (their body is returned; may be empty); may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the whole operation, retries included.</param>
    /// <returns>The status and the parsed body (<see langword="null"/> when empty).</returns>
    /// <exception cref="CalendarProviderException">A non-success status after retries; or the service could not be reached (status 503 with the network error inside).</exception>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        string operation, HttpRequestMessage request, IReadOnlyCollection<HttpStatusCode>? accept, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Options.Set(HttpRetryResilience.Operation, label + " " + operation);
            string text;
            HttpStatusCode status;
            try
            {
                using var response = await factory.CreateClient(clientName).SendAsync(request, cancellationToken);
                status = response.StatusCode;
                text = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception exception) when (HttpRetryResilience.IsUnreachable(exception, cancellationToken))
            {
                throw new CalendarProviderException(operation, HttpStatusCode.ServiceUnavailable, "unreachable", exception);
            }

            if ((int)status is < 200 or >= 300 && !(accept?.Contains(status) ?? false))
            {
                throw new CalendarProviderException(operation, status, reason(text));
            }

            return (status, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
        }
    }
}
