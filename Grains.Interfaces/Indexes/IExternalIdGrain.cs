namespace Scheduler.Grains.Indexes;

/// <summary>
/// Maps a caller's external id (or Idempotency-Key) to the request created for it, key
/// <c>{tenant}/{externalId}</c>. The first claim wins forever.
/// </summary>
[Alias("Scheduler.Grains.IExternalIdGrain")]
public interface IExternalIdGrain : IGrainWithStringKey
{
    /// <summary>Claims the external id for a request.</summary>
    /// <param name="requestId">The request id (without tenant) the caller intends to create.</param>
    /// <returns>The request id that owns the external id: <paramref name="requestId"/> when this claim won, the earlier one otherwise.</returns>
    [Alias("Claim")]
    Task<string> Claim(string requestId);

    /// <summary>Returns the owning request id.</summary>
    /// <returns>The request id, or <see langword="null"/> when unclaimed.</returns>
    [Alias("Get")]
    Task<string?> Get();
}
