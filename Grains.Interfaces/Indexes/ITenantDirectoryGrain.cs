namespace Scheduler.Grains.Indexes;

/// <summary>
/// One shard of a tenant's directory of participants and pools, key <c>{tenant}/{n}</c> (see
/// <see cref="TenantDirectoryKeys"/>): what administrators list without scanning storage. The
/// participant and pool grains keep it current: after storing a profile or definition they upsert
/// their summary, after deleting themselves they remove it (awaited, so a failure fails their
/// write and the caller retries). Every change is written before the call returns. Lists across
/// the shards are merged by <see cref="TenantDirectoryReader"/>.
/// </summary>
[Alias("Scheduler.Grains.ITenantDirectoryGrain")]
public interface ITenantDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Inserts or replaces a participant's summary; idempotent (an unchanged summary is not written again).</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>A task that completes once the summary is stored.</returns>
    [Alias("UpsertParticipant")]
    Task UpsertParticipant(ParticipantSummary summary);

    /// <summary>Removes a participant's summary; idempotent.</summary>
    /// <param name="id">The participant id (without tenant).</param>
    /// <returns>A task that completes once the removal is stored.</returns>
    [Alias("RemoveParticipant")]
    Task RemoveParticipant(string id);

    /// <summary>Inserts or replaces a pool's summary; idempotent.</summary>
    /// <param name="summary">The summary.</param>
    /// <returns>A task that completes once the summary is stored.</returns>
    [Alias("UpsertPool")]
    Task UpsertPool(PoolSummary summary);

    /// <summary>Removes a pool's summary; idempotent.</summary>
    /// <param name="id">The pool id (without tenant).</param>
    /// <returns>A task that completes once the removal is stored.</returns>
    [Alias("RemovePool")]
    Task RemovePool(string id);

    /// <summary>Returns this shard's next participants after the cursor, ordered by id.</summary>
    /// <param name="query">Kind filter, cursor (an id; items after it are listed) and size (clamped to 1–1,000).</param>
    /// <returns>The page.</returns>
    [Alias("ListParticipants")]
    Task<DirectoryPage<ParticipantSummary>> ListParticipants(DirectoryListQuery query);

    /// <summary>Returns this shard's next pools after the cursor, ordered by id.</summary>
    /// <param name="query">Cursor (an id; items after it are listed) and size (clamped to 1–1,000); the kind is ignored.</param>
    /// <returns>The page.</returns>
    [Alias("ListPools")]
    Task<DirectoryPage<PoolSummary>> ListPools(DirectoryListQuery query);

    /// <summary>The ids of this shard's pools that have the participant as a member, ordered by id.</summary>
    /// <param name="participantId">The participant id (without tenant).</param>
    /// <returns>The pool ids; empty when none.</returns>
    [Alias("PoolsWithMember")]
    Task<IReadOnlyList<string>> PoolsWithMember(string participantId);
}
