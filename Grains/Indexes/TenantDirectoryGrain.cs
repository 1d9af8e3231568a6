namespace Scheduler.Grains.Indexes;

/// <summary>
/// One shard of a tenant's participants and pools (see <see cref="ITenantDirectoryGrain"/>), each kind ordered by id.
/// Unlike the request index it writes every change before answering: the participant and pool grains fail their own
/// upsert when this call fails, so a retried PUT repairs the entry.
/// </summary>
/// <param name="state">The durable state.</param>
[GrainType("tenantdirectory")]
public sealed class TenantDirectoryGrain([PersistentState("directory")] IPersistentState<TenantDirectoryState> state) : Grain, ITenantDirectoryGrain
{
    private const int MaxShardPage = 1_000;

    private readonly SortedDictionary<string, ParticipantSummary> _participants = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PoolSummary> _pools = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var participant in state.State.Participants)
        {
            _participants[participant.Id] = participant;
        }

        foreach (var pool in state.State.Pools)
        {
            _pools[pool.Id] = pool;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpsertParticipant(ParticipantSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrEmpty(summary.Id);
        return _participants.TryGetValue(summary.Id, out var stored) && stored == summary
            ? Task.CompletedTask
            : SaveAsync(Without(_participants, summary.Id).Append(summary), _pools.Values, () => _participants[summary.Id] = summary);
    }

    /// <inheritdoc />
    public Task RemoveParticipant(string id) =>
        _participants.ContainsKey(id) ? SaveAsync(Without(_participants, id), _pools.Values, () => _participants.Remove(id)) : Task.CompletedTask;

    /// <inheritdoc />
    public Task UpsertPool(PoolSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentException.ThrowIfNullOrEmpty(summary.Id);
        if (_pools.TryGetValue(summary.Id, out var stored) && stored.Strategy == summary.Strategy && stored.Members.SequenceEqual(summary.Members, StringComparer.Ordinal))
        {
            return Task.CompletedTask;
        }

        var copy = summary with { Members = [.. summary.Members] };
        return SaveAsync(_participants.Values, Without(_pools, summary.Id).Append(copy), () => _pools[summary.Id] = copy);
    }

    /// <inheritdoc />
    public Task RemovePool(string id) =>
        _pools.ContainsKey(id) ? SaveAsync(_participants.Values, Without(_pools, id), () => _pools.Remove(id)) : Task.CompletedTask;

    /// <inheritdoc />
    public Task<DirectoryPage<ParticipantSummary>> ListParticipants(DirectoryListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(Page(_participants, query, p => p.Id, p => query.Kind is not { } kind || p.Kind == kind));
    }

    /// <inheritdoc />
    public Task<DirectoryPage<PoolSummary>> ListPools(DirectoryListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(Page(_pools, query, p => p.Id, _ => true));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> PoolsWithMember(string participantId) =>
        Task.FromResult<IReadOnlyList<string>>([.. _pools.Values.Where(p => p.Members.Contains(participantId, StringComparer.Ordinal)).Select(p => p.Id)]);

    private static DirectoryPage<T> Page<T>(SortedDictionary<string, T> items, DirectoryListQuery query, Func<T, string> idOf, Func<T, bool> include)
    {
        var listed = items.Where(p => (query.Cursor is not { } cursor || string.CompareOrdinal(p.Key, cursor) > 0) && include(p.Value));
        var (page, next) = Paging.Cut(listed.Select(p => p.Value), Math.Clamp(query.Limit, 1, MaxShardPage), idOf);
        return new DirectoryPage<T>(page, next);
    }

    private static IEnumerable<T> Without<T>(SortedDictionary<string, T> items, string id) =>
        items.Where(pair => pair.Key != id).Select(pair => pair.Value);

    /// <summary>Writes the new lists, then applies the change to memory; a failed write drops the activation, which reloads from storage.</summary>
    private async Task SaveAsync(IEnumerable<ParticipantSummary> participants, IEnumerable<PoolSummary> pools, Action apply)
    {
        state.State.Participants = [.. participants];
        state.State.Pools = [.. pools];
        await this.WriteOrDeactivateAsync(() => state.WriteStateAsync());
        apply();
    }
}
