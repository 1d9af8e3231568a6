using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;
using Scheduler.Gateway.Web.Board;
using Scheduler.Grains.Indexes;
using Scheduler.Grains.Requests;

namespace Scheduler.Gateway.Tests;

/// <summary>The board's reads of the request index, counted as grain calls on the gateway's own silo.</summary>
public sealed class BoardReaderTests : IDisposable
{
    private const string Tenant = "board";
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Boards_ShareOneReadPerIndexVersion_ReadNothingWhileTheIndexStands_AndCountExactlyAfterAChange()
    {
        var calls = new IndexCalls();
        await using var gateway = new GatewayFactory(_data.Path).WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IIncomingGrainCallFilter>(calls)));
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var reader = gateway.Services.GetRequiredService<RequestBoardReader>();
        var summaries = Enumerable.Range(0, 40)
            .Select(n => new RequestSummary($"r{n:D2}", null, "c", (RequestStatus)(n % 3), Day.AddMinutes(n), Day, 1))
            .ToList();
        foreach (var summary in summaries)
        {
            await Shard(grains, summary).Upsert(summary);
        }

        var filter = new BoardFilter();
        await WaitUntilStillAsync(grains, summaries.Count);

        // Two boards opening together: the second waits for the first one's read instead of reading the shards again.
        calls.Clear();
        var opened = await Task.WhenAll(reader.ReadAsync(Tenant, filter, null, null), reader.ReadAsync(Tenant, filter, null, null));
        Assert.Same(opened[0], opened[1]);
        Assert.Equal(RequestIndexKeys.ShardsPerDay, calls.Of(nameof(IRequestIndexGrain.CountByStatus)));
        Assert.Equal(RequestIndexKeys.ShardsPerDay, calls.Of(nameof(IRequestIndexGrain.List)));
        AssertCounts(summaries, opened[0]);
        Assert.Equal(summaries.Take(RequestBoardReader.PageSize).Select(s => s.Id), opened[0].Page.Items.Select(i => i.Id));

        // A third board opening later gets the same snapshot from memory (not a copy), with no read.
        calls.Clear();
        Assert.Same(opened[0], await reader.ReadAsync(Tenant, filter, null, null));
        Assert.Equal(0, calls.Of(nameof(IRequestIndexGrain.CountByStatus)) + calls.Of(nameof(IRequestIndexGrain.List)));

        // A refresh while the index stands still: one call for the version, no shard read, the same snapshot.
        calls.Clear();
        var refreshed = await reader.ReadAsync(Tenant, filter, null, opened[0]);
        Assert.Same(opened[0], refreshed);
        Assert.Equal(1, calls.Of(nameof(IRequestIndexDirectoryGrain.Version)));
        Assert.Equal(0, calls.Of(nameof(IRequestIndexGrain.CountByStatus)) + calls.Of(nameof(IRequestIndexGrain.List)));

        // A change: the refresh reads again and counts exactly.
        summaries[0] = summaries[0] with { Status = RequestStatus.Booked, Version = 2 };
        await Shard(grains, summaries[0]).Upsert(summaries[0]);
        var changed = refreshed;
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (ReferenceEquals(changed, refreshed) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(50);
            changed = await reader.ReadAsync(Tenant, filter, null, refreshed);
        }

        Assert.NotSame(refreshed, changed);
        AssertCounts(summaries, changed);
        Assert.Equal(RequestStatus.Booked, changed.Page.Items[0].Status);
    }

    private static IRequestIndexGrain Shard(IGrainFactory grains, RequestSummary summary) =>
        grains.GetGrain<IRequestIndexGrain>(RequestIndexKeys.For(Tenant, summary.Id, summary.CreatedAt));

    private static void AssertCounts(IEnumerable<RequestSummary> summaries, BoardSnapshot snapshot) =>
        Assert.All(Enum.GetValues<RequestStatus>(), status => Assert.Equal(summaries.Count(s => s.Status == status), snapshot.Counts[status]));

    /// <summary>Waits until the shards hold what the test wrote and have announced it (the version stands for two flush periods).</summary>
    private static async Task WaitUntilStillAsync(IGrainFactory grains, int count)
    {
        var directory = grains.GetGrain<IRequestIndexDirectoryGrain>(Tenant);
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var version = await directory.Version();
            var counts = await RequestIndexReader.CountByStatusAsync(grains, Tenant, new RequestListQuery(null, null, null));
            await Task.Delay(RequestIndexGrain.FlushPeriod * 2);
            if (counts.Values.Sum() == count && await directory.Version() == version)
            {
                return;
            }
        }

        Assert.Fail("The index did not settle.");
    }

    /// <summary>Counts the calls the silo receives on the request index's grains, by method.</summary>
    private sealed class IndexCalls : IIncomingGrainCallFilter
    {
        private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

        public int Of(string method) => _calls.GetValueOrDefault(method);

        public void Clear() => _calls.Clear();

        public Task Invoke(IIncomingGrainCallContext context)
        {
            var declaring = context.InterfaceMethod?.DeclaringType;
            if (declaring == typeof(IRequestIndexGrain) || declaring == typeof(IRequestIndexDirectoryGrain))
            {
                _calls.AddOrUpdate(context.MethodName, 1, (_, n) => n + 1);
            }

            return context.Invoke();
        }
    }
}
