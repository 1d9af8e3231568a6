using Polly;
using Polly.Retry;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// Stores validated requests: claims the external id (or idempotency key) first, so that a
/// repeated post reaches the request created by the first, then submits it. Returns once the
/// request grain has persisted it. Both steps are idempotent for one request id (a repeated claim
/// returns the id already claimed, a repeated submit returns the stored request), so when a silo is
/// lost or unreachable mid-call (<see cref="ClusterFaults.IsUnavailable"/>) the pair is
/// sent again with the same id: twice more, 1 s then 2 s later, on the injected clock.
/// </summary>
public sealed class RequestSubmitter
{
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _retry;

    /// <summary>Creates the submitter.</summary>
    /// <param name="time">The clock (request ids are time-ordered; retry delays).</param>
    public RequestSubmitter(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ClusterFaults.IsUnavailable),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
            })
            .Build();
    }

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
    /// <exception cref="OrleansMessageRejectionException">The cluster could not store it after the retries.</exception>
    /// <exception cref="TimeoutException">The cluster did not answer in time after the retries.</exception>
    /// <exception cref="Orleans.Runtime.Messaging.ConnectionFailedException">A cluster client reached no gateway after the retries.</exception>
    public async Task<SubmitOutcome> SubmitAsync(TenantGrains grains, InterviewRequestSpec spec, string? claimKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(spec);
        var proposed = Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");
        return await _retry.ExecuteAsync(
            async token =>
            {
                var id = claimKey is null ? proposed : await grains.ExternalId(claimKey).Claim(proposed).WaitAsync(token);
                return await grains.Request(id).Submit(spec).WaitAsync(token);
            },
            cancellationToken);
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
