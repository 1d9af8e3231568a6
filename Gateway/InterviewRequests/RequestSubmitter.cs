using Scheduler.Gateway.Common;
using Scheduler.Grains;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// Stores validated requests: claims the external id (or idempotency key) first, so that a
/// repeated post reaches the request created by the first, then submits it. Returns once the
/// request grain has persisted it.
/// </summary>
/// <param name="time">The clock (request ids are time-ordered).</param>
public sealed class RequestSubmitter(TimeProvider time)
{
    /// <summary>The prefix of claim keys derived from <c>externalId</c>.</summary>
    public const string ExternalIdPrefix = "ext:";

    /// <summary>The prefix of claim keys derived from the <c>Idempotency-Key</c> header.</summary>
    public const string IdempotencyKeyPrefix = "key:";

    /// <summary>Submits a request, or returns the one an earlier post with the same claim key created.</summary>
    /// <param name="grains">The tenant's grains.</param>
    /// <param name="spec">The validated spec.</param>
    /// <param name="claimKey">The idempotency claim key (<see cref="ClaimKey"/>); <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops waiting (the grain calls themselves are not interrupted).</param>
    /// <returns>The stored request and whether this call created it.</returns>
    public async Task<SubmitOutcome> SubmitAsync(TenantGrains grains, InterviewRequestSpec spec, string? claimKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(spec);
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        if (claimKey is not null)
        {
            id = await grains.ExternalId(claimKey).Claim(id).WaitAsync(cancellationToken);
        }

        return await grains.Request(id).Submit(spec).WaitAsync(cancellationToken);
    }

    /// <summary>The claim key of a request: its external id, else the idempotency key, else none.</summary>
    /// <param name="externalId">The body's <c>externalId</c>.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header (for a batch item: the header and the item index).</param>
    /// <returns>The key, or <see langword="null"/>.</returns>
    public static string? ClaimKey(string? externalId, string? idempotencyKey) =>
        externalId is not null ? ExternalIdPrefix + externalId
        : !string.IsNullOrEmpty(idempotencyKey) ? IdempotencyKeyPrefix + idempotencyKey
        : null;
}
