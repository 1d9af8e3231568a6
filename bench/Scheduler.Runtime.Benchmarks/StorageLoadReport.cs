using System.Diagnostics;
using Scheduler.Runtime.Sqlite;

namespace Scheduler.Runtime.Benchmarks;

/// <summary>
/// Closed-loop write load on grain storage: N writers (one grain each) write back to back for a
/// fixed time; prints throughput and the latency distribution of single writes. SQLite by default;
/// with <c>--dynamodb URL</c> the DynamoDB provider against that endpoint (dynalite locally).
/// </summary>
internal static class StorageLoadReport
{
    public static void Run(string[] args)
    {
        var seconds = ReportMath.ReadOption(args, "--seconds", 10);
        var dynamo = Array.IndexOf(args, "--dynamodb") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (dynamo is not null)
        {
            Console.WriteLine($"DynamoDB grain storage at {dynamo}, closed-loop writers, {seconds} s per run, 30-byte payload, conditional PutItem");
            Console.WriteLine("writers | writes/s | p50 ms | p90 ms | p99 ms | max ms");
            using var client = DynamoDB.DynamoDbClientFactory.Create(new DynamoDB.DynamoDbOptions { ServiceUrl = dynamo });
            DynamoDB.DynamoDbTables.EnsureTableAsync(client, "bench-grain-state", TimeProvider.System, TimeSpan.FromSeconds(30), null, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var writers in new[] { 1, 64 })
            {
                var storage = new DynamoDB.DynamoDbGrainStorage(client, "bench-grain-state", $"bench-{Guid.NewGuid():N}", TimeProvider.System);
                MeasureAsync(storage, writers, TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
            }

            return;
        }

        Console.WriteLine($"SQLite grain storage, closed-loop writers, {seconds} s per run, 30-byte payload, WAL + synchronous=FULL");
        Console.WriteLine("writers | writes/s | p50 ms | p90 ms | p99 ms | max ms");
        foreach (var writers in new[] { 1, 64 })
        {
            RunOnce(writers, TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
        }
    }

    private static async Task RunOnce(int writers, TimeSpan duration)
    {
        var directory = Directory.CreateTempSubdirectory("runtime-bench-").FullName;
        try
        {
            await using (var database = new SqliteDatabase(Path.Combine(directory, "load.db")))
            {
                await MeasureAsync(new SqliteGrainStorage(database, "bench", TimeProvider.System), writers, duration);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task MeasureAsync(Storage.IGrainStorage storage, int writers, TimeSpan duration)
    {
        var payload = "{\"value\":12345,\"name\":\"bench\"}"u8.ToArray();
        var latencies = new List<double>[writers];
        var started = Stopwatch.GetTimestamp();
        var tasks = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var grain = new GrainId("bench-state", $"g{w}");
            var samples = latencies[w] = new List<double>(4096);
            tasks[w] = Task.Run(async () =>
            {
                var etag = await storage.WriteAsync(grain, "state", payload, null, CancellationToken.None);
                while (Stopwatch.GetElapsedTime(started) < duration)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    etag = await storage.WriteAsync(grain, "state", payload, etag, CancellationToken.None);
                    samples.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
            });
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(
            $"{writers,7} | {all.Length / elapsed,8:0} | {ReportMath.Percentile(all, 0.50),6:0.00} | {ReportMath.Percentile(all, 0.90),6:0.00} | {ReportMath.Percentile(all, 0.99),6:0.00} | {all[^1],6:0.00}");
    }
}
