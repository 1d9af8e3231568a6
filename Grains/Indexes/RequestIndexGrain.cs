using System.Globalization;
using Scheduler.Runtime;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// A tenant's request list, ordered by (createdAt, id). Upserts change memory at once and are
/// written at most once per <see cref="FlushPeriod"/> (and on deactivation), so a burst of
/// transitions costs one write; the request grains stay the source of truth.
/// </summary>
[GrainType("requestindex")]
public sealed class RequestIndexGrain : Grain, IRequestIndexGrain
{
    /// <summary>The longest time an upsert stays unwritten.</summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<RequestIndexState> _state;
    private readonly SortedDictionary<(DateTimeOffset CreatedAt, string Id), RequestSummary> _items = [];
    private readonly Dictionary<string, RequestSummary> _byId = new(StringComparer.Ordinal);
    private IGrainTimer? _flush;
    private bool _dirty;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    public RequestIndexGrain([PersistentState("index")] IPersistentState<RequestIndexState> state) => _state = state;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var item in _state.State.Items)
        {
            Put(item);
        }

        _flush = RegisterGrainTimer(_ => FlushAsync(), FlushPeriod, FlushPeriod);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        await FlushAsync();
    }

    /// <inheritdoc />
    public Task Upsert(RequestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (_byId.TryGetValue(summary.Id, out var existing))
        {
            if (existing.Version >= summary.Version)
            {
                return Task.CompletedTask;
            }

            _items.Remove((existing.CreatedAt, existing.Id));
        }

        Put(summary);
        _dirty = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RequestPage> List(RequestListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 500);
        var after = query.Cursor is null ? ((DateTimeOffset, string)?)null : ParseCursor(query.Cursor);
        var page = new List<RequestSummary>(limit);
        string? next = null;
        foreach (var (key, item) in _items)
        {
            if (after is { } a && (key.CreatedAt < a.Item1 || (key.CreatedAt == a.Item1 && string.CompareOrdinal(key.Id, a.Item2) <= 0)))
            {
                continue;
            }

            if ((query.Status is { } status && item.Status != status) || (query.CandidateId is { } candidate && item.CandidateId != candidate))
            {
                continue;
            }

            if (page.Count == limit)
            {
                var last = page[^1];
                next = string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.UtcTicks}:{last.Id}");
                break;
            }

            page.Add(item);
        }

        return Task.FromResult(new RequestPage(page, next));
    }

    private static (DateTimeOffset, string) ParseCursor(string cursor)
    {
        var colon = cursor.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(cursor.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException("The cursor is not valid.", "cursor");
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), cursor[(colon + 1)..]);
    }

    private void Put(RequestSummary summary)
    {
        _items[(summary.CreatedAt, summary.Id)] = summary;
        _byId[summary.Id] = summary;
    }

    private async Task FlushAsync()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        _state.State.Items = [.. _items.Values];
        await _state.WriteStateAsync();
    }
}
