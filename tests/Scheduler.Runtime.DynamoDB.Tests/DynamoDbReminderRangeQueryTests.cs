using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Scheduler.Runtime.Placement;
using Scheduler.Runtime.Reminders;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>
/// A silo's reminder ranges are read from DynamoDB by querying exactly the partitions (hash buckets)
/// of those ranges: no scan, no partition of another silo. Requests are observed on the SDK client.
/// </summary>
public sealed class DynamoDbReminderRangeQueryTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _serviceId = $"svc-{Guid.NewGuid():N}";

    [Fact]
    public async Task ASilosRanges_QueryOnlyItsBucketPartitions_AndReturnOnlyItsRows()
    {
        var grains = Enumerable.Range(0, 150).Select(i => new GrainId("participant", $"acme/q-{i}")).ToList();
        var writer = new DynamoDbReminderTable(dynalite.Client, DynaliteFixture.ReminderTable, _serviceId);
        foreach (var grain in grains)
        {
            await writer.UpsertAsync(new ReminderEntry(grain, "sync", T0, TimeSpan.FromMinutes(5), T0, null), CancellationToken.None);
        }

        SiloAddress[] silos = [.. Enumerable.Range(0, 3).Select(i => new SiloAddress($"silo-{i}", new Uri($"http://127.0.0.1:{7000 + i}/"), 1))];
        using var client = dynalite.NewClient();
        var requests = new ConcurrentQueue<AmazonWebServiceRequest>();
        client.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs web)
            {
                requests.Enqueue(web.Request);
            }
        };
        var reader = new DynamoDbReminderTable(client, DynaliteFixture.ReminderTable, _serviceId);
        var silo = silos[1];
        var owned = ReminderPartition.BucketsOf(silo, silos);

        var rows = new List<ReminderEntry>();
        foreach (var range in ReminderPartition.RangesOf(owned))
        {
            rows.AddRange(await reader.ReadRangeAsync(range.Begin, range.End, CancellationToken.None));
        }

        Assert.All(requests, r => Assert.IsType<QueryRequest>(r));
        var partitions = requests.OfType<QueryRequest>().Select(q => q.ExpressionAttributeValues[":pk"].S).ToHashSet();
        var expected = Enumerable.Range(0, ReminderPartition.BucketCount).Where(b => owned[b]).Select(b => $"{_serviceId}/{b}").ToHashSet();
        Assert.Equal(expected, partitions);
        Assert.Equal(
            grains.Where(g => owned[ReminderPartition.BucketOf(g)]).Select(g => g.ToString()).Order(StringComparer.Ordinal),
            rows.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
    }
}
