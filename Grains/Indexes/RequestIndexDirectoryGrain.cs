namespace Scheduler.Grains.Indexes;

/// <summary>
/// The days on which a tenant has requests (see <see cref="IRequestIndexDirectoryGrain"/>); written once per new day. The
/// index's version lives in memory only: each activation starts a new epoch.
/// </summary>
/// <param name="state">The durable state.</param>
[GrainType("requestindexdirectory")]
public sealed class RequestIndexDirectoryGrain([PersistentState("days")] IPersistentState<RequestIndexDirectoryState> state) : Grain, IRequestIndexDirectoryGrain
{
    private readonly SortedSet<DateOnly> _days = [];
    private RequestIndexVersion _version = new(Guid.NewGuid(), 0);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _days.UnionWith(state.State.Days);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task AddDay(DateOnly day)
    {
        if (_days.Contains(day))
        {
            return;
        }

        state.State.Days = [.. _days.Append(day).Order()];
        await state.WriteStateAsync();
        _days.Add(day);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DateOnly>> Days() => Task.FromResult<IReadOnlyList<DateOnly>>([.. _days]);

    /// <inheritdoc />
    public Task Changed()
    {
        _version = _version with { Sequence = _version.Sequence + 1 };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RequestIndexVersion> Version() => Task.FromResult(_version);
}
