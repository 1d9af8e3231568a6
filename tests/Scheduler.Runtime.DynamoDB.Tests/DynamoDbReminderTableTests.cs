using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>DynamoDB-specific behaviour of the reminder table, against dynalite.</summary>
public sealed class DynamoDbReminderTableTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    [Fact]
    public async Task Reminders_NewProviderAndClientOverSameTable_SeesThem()
    {
        var grain = new GrainId("request", "acme/r-1");
        var etag = await NewTable(dynalite.Client).UpsertAsync(new ReminderEntry(grain, "reminder-2h", T0, TimeSpan.Zero, T0.AddHours(1), null), CancellationToken.None);

        using var client = dynalite.NewClient();
        var restarted = NewTable(client);

        var all = await restarted.ReadRangeAsync(0, 0, CancellationToken.None);
        Assert.Equal(etag, Assert.Single(all).ETag);
        Assert.NotNull(await restarted.UpdateNextDueAsync(grain, "reminder-2h", T0.AddHours(2), etag, CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(10)]
    public async Task ReadRange_AnySplitOfTheRing_ReturnsEachReminderExactlyOnce(int bits)
    {
        var table = NewTable(dynalite.Client, bits);
        var grains = Enumerable.Range(0, 30).Select(i => new GrainId("participant", $"acme/p-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertAsync(new ReminderEntry(grain, "sync", T0, TimeSpan.FromMinutes(5), T0, null), CancellationToken.None);
        }

        uint[] bounds = [0x1234_5678, 0x8000_0000, 0xC000_0001, 0xFFFF_FFF0];
        var seen = new List<GrainId>();
        for (var i = 0; i < bounds.Length; i++)
        {
            var begin = bounds[i];
            var end = bounds[(i + 1) % bounds.Length];
            var rows = await table.ReadRangeAsync(begin, end, CancellationToken.None);
            Assert.All(rows, r => Assert.True(HashRange.Contains(r.GrainId.GetUniformHashCode(), begin, end)));
            seen.AddRange(rows.Select(r => r.GrainId));
        }

        Assert.Equal(grains.OrderBy(g => g.ToString()), seen.OrderBy(g => g.ToString()));
    }

    [Fact]
    public async Task ReadGrain_GrainWhoseKeyExtendsAnother_IsNotMixedIn()
    {
        var table = NewTable(dynalite.Client, bits: 1);
        var grain = new GrainId("request", "acme/r-1");
        var longer = new GrainId("request", "acme/r-1/x");
        await table.UpsertAsync(new ReminderEntry(grain, "a", T0, TimeSpan.Zero, T0, null), CancellationToken.None);
        await table.UpsertAsync(new ReminderEntry(longer, "b", T0, TimeSpan.Zero, T0, null), CancellationToken.None);

        Assert.Equal(["a"], (await table.ReadGrainAsync(grain, CancellationToken.None)).Select(r => r.ReminderName));
    }

    [Fact]
    public async Task Remove_Missing_ReturnsFalse()
    {
        var table = NewTable(dynalite.Client);
        var grain = new GrainId("request", "acme/none");

        Assert.False(await table.RemoveAsync(grain, "r", null, CancellationToken.None));
        Assert.False(await table.RemoveAsync(grain, "r", "42", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateNextDue_RemovedReminder_ReturnsNullAndDoesNotRecreateIt()
    {
        var table = NewTable(dynalite.Client);
        var grain = new GrainId("request", "acme/r-9");
        var etag = await table.UpsertAsync(new ReminderEntry(grain, "r", T0, TimeSpan.FromMinutes(1), T0, null), CancellationToken.None);
        Assert.True(await table.RemoveAsync(grain, "r", etag, CancellationToken.None));

        Assert.Null(await table.UpdateNextDueAsync(grain, "r", T0.AddMinutes(1), etag, CancellationToken.None));
        Assert.Null(await table.ReadAsync(grain, "r", CancellationToken.None));
    }

    [Fact]
    public async Task Buckets_WrappingRange_CoversBothEndsOfTheRing()
    {
        Assert.Equal([0u, 1u, 14u, 15u], ReminderBuckets.Overlapping(0xE000_0000, 0x1FFF_FFFF, 4));
        Assert.Equal([0u, 1u], ReminderBuckets.Overlapping(uint.MaxValue, 0x1FFF_FFFF, 4));
        Assert.Equal(16, ReminderBuckets.Overlapping(7, 7, 4).Count);
        Assert.Equal([15u], ReminderBuckets.Overlapping(0xF000_0000, uint.MaxValue, 4));
    }

    private DynamoDbReminderTable NewTable(Amazon.DynamoDBv2.IAmazonDynamoDB client, int bits = ReminderBuckets.DefaultBits) =>
        new(client, DynaliteFixture.ReminderTable, _serviceId, bits);
}
