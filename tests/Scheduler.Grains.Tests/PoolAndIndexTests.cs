using Scheduler.Grains.Indexes;

namespace Scheduler.Grains.Tests;

public sealed class PoolAndIndexTests
{
    private static readonly TimeRange Slot = new(new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 6, 11, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Offer_FirstAcceptanceWins_OthersWithdrawnAndRefused()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var pool = cluster.Pool("backend");
        await pool.Upsert(new PoolDefinition(["a", "b", "c"], PoolStrategy.RoundRobin));
        var offer = await pool.Offer(new OfferSpec("o1", "r1", Slot, ["a", "b", "c"]));
        Assert.All(offer.Recipients, r => Assert.Equal(OfferStatus.Open, r.Status));

        var results = await Task.WhenAll(pool.Accept("o1", "b"), pool.Accept("o1", "c"));

        Assert.True(results[0].Accepted);
        Assert.False(results[1].Accepted);
        var stored = await pool.GetOffer("o1");
        Assert.Equal("b", stored!.AcceptedBy);
        Assert.Equal([OfferStatus.Withdrawn, OfferStatus.Accepted, OfferStatus.Withdrawn], stored.Recipients.Select(r => r.Status));
        Assert.True((await pool.Accept("o1", "b")).Accepted);
    }

    [Fact]
    public async Task GetMembersForSelection_RoundRobin_StartsAfterLastPicked()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var pool = cluster.Pool("backend");
        await pool.Upsert(new PoolDefinition(["a", "b", "c"], PoolStrategy.RoundRobin));

        await pool.RecordPicked(["a"]);

        Assert.Equal(["b", "c", "a"], await pool.GetMembersForSelection());
    }

    [Fact]
    public async Task Upsert_DuplicateMembers_ThrowsNamingMembers()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Pool("p").Upsert(new PoolDefinition(["a", "a"], PoolStrategy.LeastLoaded)));
        Assert.Equal("members", error.ParamName);
        Assert.Null(await cluster.Pool("p").Get());
    }

    [Fact]
    public async Task RequestIndexShard_ListsByCreationWithFiltersAndCursor()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var index = cluster.Grains.GetGrain<IRequestIndexGrain>(RequestIndexKeys.For(GrainTestCluster.Tenant, RequestIndexKeys.Day(GrainTestCluster.Start), 0));
        var t0 = GrainTestCluster.Start;
        for (var n = 0; n < 5; n++)
        {
            await index.Upsert(new RequestSummary($"r{n}", null, n % 2 == 0 ? "c-even" : "c-odd", RequestStatus.Pending, t0.AddMinutes(n), t0.AddMinutes(n), 1));
        }

        await index.Upsert(new RequestSummary("r1", null, "c-odd", RequestStatus.Booked, t0.AddMinutes(1), t0.AddMinutes(9), 3));
        await index.Upsert(new RequestSummary("r1", null, "c-odd", RequestStatus.Booking, t0.AddMinutes(1), t0.AddMinutes(8), 2));

        // Upserts are one-way, and Orleans does not order messages: wait until all of them have arrived.
        await TestSiloHost.WaitUntilAsync(() => index.List(new RequestListQuery(null, null, null, 10)).GetAwaiter().GetResult() is var all
            && all.Items.Count == 5 && all.Items.Any(i => i.Id == "r1" && i.Version == 3));

        var first = await index.List(new RequestListQuery(null, null, null, 2));
        var second = await index.List(new RequestListQuery(null, null, first.NextCursor, 2));
        var third = await index.List(new RequestListQuery(null, null, second.NextCursor, 2));
        var booked = await index.List(new RequestListQuery(RequestStatus.Booked, null, null, 10));
        var even = await index.List(new RequestListQuery(null, "c-even", null, 10));

        Assert.Equal(["r0", "r1"], first.Items.Select(i => i.Id));
        Assert.Equal(["r2", "r3"], second.Items.Select(i => i.Id));
        Assert.Equal(["r4"], third.Items.Select(i => i.Id));
        Assert.Null(third.NextCursor);
        Assert.Equal("r1", Assert.Single(booked.Items).Id);
        Assert.Equal(["r0", "r2", "r4"], even.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task RequestIndex_ReceivesTransitionsFromRequests()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        await cluster.AddCandidateAsync("c1");
        await cluster.AddInterviewerAsync("i1");
        var request = cluster.Request("r1");
        var booked = await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook), RequestStatus.Booked);
        var page = await TestSiloHost.WaitForAsync(() => RequestIndexReader.ListAsync(cluster.Grains, GrainTestCluster.Tenant, new RequestListQuery(RequestStatus.Booked, "c1", null, 10)), p => p.Items.Count > 0);

        var summary = Assert.Single(page.Items);
        Assert.Equal("r1", summary.Id);
        Assert.Equal("ext-c1", summary.ExternalId);
        Assert.Equal(booked.Version, summary.Version);
    }

    [Fact]
    public async Task RequestIndex_ManyDaysAndShards_PagesInGlobalCreationOrder()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var t0 = GrainTestCluster.Start;
        var summaries = Enumerable.Range(0, 90)
            .Select(n => new RequestSummary($"r{n:D2}", null, $"c{n % 3}", n % 4 == 0 ? RequestStatus.Booked : RequestStatus.Pending, t0.AddHours(n * 7 % 80), t0, 1))
            .ToArray();
        var all = await IndexAsync(cluster, summaries, new RequestListQuery(null, null, null, 7));
        var booked = await ReadAllAsync(cluster, new RequestListQuery(RequestStatus.Booked, "c0", null, 4));

        var expected = summaries.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected.Select(s => s.Id), all.Select(s => s.Id));
        Assert.Equal(expected.Where(s => s.Status == RequestStatus.Booked && s.CandidateId == "c0").Select(s => s.Id), booked.Select(s => s.Id));
        Assert.Equal(4, (await cluster.Grains.GetGrain<IRequestIndexDirectoryGrain>(GrainTestCluster.Tenant).Days()).Count);
        var spread = summaries.Select(s => RequestIndexKeys.For(GrainTestCluster.Tenant, s.Id, s.CreatedAt)).Distinct().Count();
        Assert.True(spread > RequestIndexKeys.ShardsPerDay, $"summaries spread over {spread} shards");
    }

    [Fact]
    public async Task RequestIndex_FiltersByInterviewerPoolAndDay_AndCountsByStatusInTheShards()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var t0 = GrainTestCluster.Start;
        var summaries = Enumerable.Range(0, 40)
            .Select(n => new RequestSummary($"f{n:D2}", null, "c", (RequestStatus)(n % 3), t0.AddHours(n * 3), t0, 1)
            {
                InterviewerIds = n % 2 == 0 ? ["even", "all"] : ["all"],
                PoolIds = n % 5 == 0 ? ["five"] : [],
            })
            .ToArray();
        await IndexAsync(cluster, summaries, new RequestListQuery(null, null, null, 500));

        var secondDay = DateOnly.FromDateTime(t0.UtcDateTime).AddDays(1).ToDateTime(TimeOnly.MinValue);
        var query = new RequestListQuery(null, null, null, 6)
        {
            InterviewerId = "even",
            CreatedFrom = new DateTimeOffset(secondDay, TimeSpan.Zero),
            CreatedBefore = new DateTimeOffset(secondDay.AddDays(2), TimeSpan.Zero),
        };
        var expected = summaries.Where(s => s.InterviewerIds.Contains("even") && s.CreatedAt >= query.CreatedFrom && s.CreatedAt < query.CreatedBefore).ToArray();

        var listed = await ReadAllAsync(cluster, query);
        var inPool = await ReadAllAsync(cluster, new RequestListQuery(RequestStatus.Pending, null, null, 3) { PoolId = "five" });
        var counts = await RequestIndexReader.CountByStatusAsync(cluster.Grains, GrainTestCluster.Tenant, query with { Status = RequestStatus.Booked });

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(s => s.Id), listed.Select(s => s.Id));
        Assert.Equal(summaries.Where(s => s.PoolIds.Contains("five") && s.Status == RequestStatus.Pending).Select(s => s.Id), inPool.Select(s => s.Id));
        Assert.All(Enum.GetValues<RequestStatus>(), status => Assert.Equal(expected.Count(s => s.Status == status), counts[status]));
    }

    [Fact]
    public async Task RequestIndexVersion_MovesWhenAShardAnnouncesItsChange_AndIsNewAfterTheDirectoryReactivates()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var directory = cluster.Grains.GetGrain<IRequestIndexDirectoryGrain>(GrainTestCluster.Tenant);
        var summary = new RequestSummary("v1", null, "c", RequestStatus.Pending, GrainTestCluster.Start, GrainTestCluster.Start, 1);
        var shard = cluster.Grains.GetGrain<IRequestIndexGrain>(RequestIndexKeys.For(GrainTestCluster.Tenant, summary.Id, summary.CreatedAt));
        var before = await directory.Version();

        await shard.Upsert(summary);
        await TestSiloHost.WaitUntilAsync(async () => (await shard.List(new RequestListQuery(null, null, null))).Items.Count == 1);
        var unannounced = await directory.Version();
        await TestSiloHost.AdvanceUntilAsync(cluster.Time, async () => await directory.Version() != before);
        var announced = await directory.Version();

        Assert.Equal(before, unannounced);
        Assert.Equal(before with { Sequence = before.Sequence + 1 }, announced);

        // The version is kept in memory only: a new activation must never answer a version a reader saw before.
        await directory.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        await TestSiloHost.WaitUntilAsync(async () => (await directory.Version()).Epoch != announced.Epoch);
    }

    [Fact]
    public async Task RequestIndex_ForeignCursor_Rejected()
    {
        await using var cluster = await GrainTestCluster.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            RequestIndexReader.ListAsync(cluster.Grains, GrainTestCluster.Tenant, new RequestListQuery(null, null, "not-a-cursor", 10)));

        Assert.Equal("cursor", error.ParamName);
    }

    /// <summary>Upserts each summary into its shard and reads all pages of <paramref name="query"/> until they list every summary.</summary>
    private static async Task<List<RequestSummary>> IndexAsync(GrainTestCluster cluster, RequestSummary[] summaries, RequestListQuery query)
    {
        foreach (var summary in summaries)
        {
            await cluster.Grains.GetGrain<IRequestIndexGrain>(RequestIndexKeys.For(GrainTestCluster.Tenant, summary.Id, summary.CreatedAt)).Upsert(summary);
        }

        // Upserts are one-way: wait until the shards have taken all of them.
        return await TestSiloHost.WaitForAsync(() => ReadAllAsync(cluster, query), all => all.Count >= summaries.Length);
    }

    private static async Task<List<RequestSummary>> ReadAllAsync(GrainTestCluster cluster, RequestListQuery query)
    {
        var items = new List<RequestSummary>();
        var cursor = (string?)null;
        do
        {
            var page = await RequestIndexReader.ListAsync(cluster.Grains, GrainTestCluster.Tenant, query with { Cursor = cursor });
            Assert.InRange(page.Items.Count, 0, query.Limit);
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return items;
    }
}
