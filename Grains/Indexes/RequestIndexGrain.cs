using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// One day shard of a tenant's request list (see <see cref="IRequestIndexGrain"/>), ordered by
/// (createdAt, id). Before its first summary it records its day in the tenant's
/// <see cref="IRequestIndexDirectoryGrain"/>. Upserts change memory at once and are written at
/// most once per <see cref="FlushPeriod"/> (and on deactivation), so a burst of transitions costs
/// one write; the request grains stay the source of truth. On the same period it announces a change to
/// the directory (<see cref="IRequestIndexDirectoryGrain.Changed"/>), after the change is in memory, so a
/// reader that saw the directory's version before reading has either read the change or will see a new version.
/// </summary>
/// <param name="state">The durable state.</param>
[GrainType("requestindex")]
public sealed class RequestIndexGrain([PersistentState("index")] IPersistentState<RequestIndexState> state) : Grain, IRequestIndexGrain
{
    /// <summary>The longest time an upsert stays unwritten.</summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(1);

    private readonly SortedDictionary<(DateTimeOffset CreatedAt, string Id), RequestSummary> _items = [];
    private readonly Dictionary<string, RequestSummary> _byId = new(StringComparer.Ordinal);
    private IGrainTimer? _flush;
    private bool _dirty;
    private bool _unannounced;
    private bool _dayRecorded;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var item in state.State.Items)
        {
            Put(item);
        }

        _dayRecorded = _items.Count > 0;
        // A shard that comes back may hold less than its last activation showed (upserts not yet written when it went).
        _unannounced = _items.Count > 0;
        _flush = this.RegisterGrainTimer(_ => TickAsync(), FlushPeriod, FlushPeriod);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        await FlushAsync();
    }

    /// <inheritdoc />
    public async Task Upsert(RequestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (_byId.TryGetValue(summary.Id, out var existing))
        {
            if (existing.Version >= summary.Version)
            {
                return;
            }

            _items.Remove((existing.CreatedAt, existing.Id));
        }

        if (!_dayRecorded)
        {
            var (tenant, shard) = GrainKeys.Split(this.GetPrimaryKeyString());
            await GrainFactory.GetGrain<IRequestIndexDirectoryGrain>(tenant).AddDay(RequestIndexKeys.DayOf(shard));
            _dayRecorded = true;
        }

        Put(summary);
        _dirty = true;
        _unannounced = true;
    }

    /// <inheritdoc />
    public Task<RequestPage> List(RequestListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1_000);
        var after = query.Cursor is null ? ((DateTimeOffset CreatedAt, string Id)?)null : RequestCursor.Parse(query.Cursor);
        var listed = _items.Where(p => (after is not { } position || RequestCursor.IsAfter(p.Key.CreatedAt, p.Key.Id, position)) && query.Matches(p.Value));
        var (page, next) = Paging.Cut(listed.Select(p => p.Value), limit, RequestCursor.Of);
        return Task.FromResult(new RequestPage(page, next));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<RequestStatus, int>> CountByStatus(RequestListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var counts = new Dictionary<RequestStatus, int>();
        foreach (var item in _items.Values)
        {
            if (query.MatchesIgnoringStatus(item))
            {
                counts[item.Status] = counts.GetValueOrDefault(item.Status) + 1;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<RequestStatus, int>>(counts);
    }

    private void Put(RequestSummary summary)
    {
        _items[(summary.CreatedAt, summary.Id)] = summary;
        _byId[summary.Id] = summary;
    }

    private async Task TickAsync()
    {
        if (_unannounced)
        {
            var (tenant, _) = GrainKeys.Split(this.GetPrimaryKeyString());
            await GrainFactory.GetGrain<IRequestIndexDirectoryGrain>(tenant).Changed();
            _unannounced = false;
        }

        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        state.State.Items = [.. _items.Values];
        await state.WriteStateAsync();
    }
}
