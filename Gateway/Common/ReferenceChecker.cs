using System.Collections.Concurrent;

namespace Scheduler.Gateway.Common;

/// <summary>Answers whether participants and pools exist in a tenant, asking each grain once per instance (one HTTP request or batch).</summary>
/// <param name="grains">The tenant's grains.</param>
public sealed class ReferenceChecker(TenantGrains grains)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _participants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _pools = new(StringComparer.Ordinal);

    /// <summary>Whether the participant has a profile.</summary>
    /// <param name="id">A valid participant id.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public Task<bool> ParticipantExists(string id) =>
        _participants.GetOrAdd(id, key => new Lazy<Task<bool>>(async () => await grains.Participant(key).GetProfile() is not null)).Value;

    /// <summary>Whether the pool exists.</summary>
    /// <param name="id">A valid pool id.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public Task<bool> PoolExists(string id) =>
        _pools.GetOrAdd(id, key => new Lazy<Task<bool>>(async () => await grains.Pool(key).Get() is not null)).Value;
}
