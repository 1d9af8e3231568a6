using System.Net;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Sends requests to Google through the <see cref="HttpClientName"/> client, whose handler retries them
/// (<see cref="HttpRetryResilience"/>; besides 408, 429 and 5xx, 403 quota errors such as <c>rateLimitExceeded</c> are
/// transient). Retrying writes is safe because every write is idempotent: events carry ids we choose, channels are
/// stopped by id.
/// </summary>
/// <param name="factory">Creates the named client <see cref="HttpClientName"/>.</param>
public sealed class GoogleHttp(IHttpClientFactory factory) : ProviderHttp(factory, HttpClientName, "Google", GoogleErrors.Reason)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for Google.</summary>
    public const string HttpClientName = GoogleProvider.ProviderName;

    /// <summary>Whether a Google answer besides 408, 429 and 5xx is worth retrying: 403 with a quota reason.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns><see langword="true"/> for 403 <c>rateLimitExceeded</c>, <c>userRateLimitExceeded</c> or <c>quotaExceeded</c>.</returns>
    internal static async ValueTask<bool> IsQuotaErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode == HttpStatusCode.Forbidden
        && GoogleErrors.Reason(await response.Content.ReadAsStringAsync(cancellationToken)) is { } reason
        && GoogleErrors.QuotaReasons.Contains(reason);
}
