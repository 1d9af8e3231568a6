using Microsoft.AspNetCore.Diagnostics;

namespace Scheduler.Gateway.Common;

/// <summary>
/// Turns a grain call the cluster could not complete (<see cref="ClusterFaults.IsUnavailable"/>) into <c>503 application/problem+json</c> with
/// <c>Retry-After: 2</c> (seconds, RFC 9110 §10.2.3), so clients retry instead of treating it as a
/// server bug. Every write route is idempotent for a retry with the same body and idempotency key.
/// </summary>
public sealed class ClusterUnavailableExceptionHandler : IExceptionHandler
{
    /// <summary>The seconds a client should wait before retrying: 2.</summary>
    public const int RetryAfterSeconds = 2;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!ClusterFaults.IsUnavailable(exception))
        {
            return false;
        }

        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The cluster could not complete the call in time.",
            detail: "A silo was lost or did not answer within the call timeout; nothing was lost. Retry the request (with the same Idempotency-Key for writes).").ExecuteAsync(httpContext);
        return true;
    }
}
