using Scheduler.Providers.DynamoDB.Storage;

namespace Scheduler.Orleans.Benchmarks;

/// <summary>
/// Closed-loop write load on grain storage: N writers (one grain each) write back to back for a fixed time; prints
/// throughput and the latency distribution of single writes. Our SQLite adapter by default; with <c>--dynamodb URL</c>
/// our DynamoDB adapter against that endpoint (dynalite locally). Each adapter is taken from a silo as the silo
/// configured it, and called directly.
/// </summary>
internal static class StorageLoadReport
{
    public static void Run(string[] args)
    {
        var duration = TimeSpan.FromSeconds(ReportMath.ReadOption(args, "--seconds", 10));
        var dynamo = Array.IndexOf(args, "--dynamodb") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        RunAsync(duration, dynamo).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(TimeSpan duration, string? dynamo)
    {
        Console.WriteLine(dynamo is null
            ? $"SQLite grain storage, closed-loop writers, {duration.TotalSeconds:0} s per run, CounterState (binary), WAL + synchronous=FULL"
            : $"DynamoDB grain storage at {dynamo}, closed-loop writers, {duration.TotalSeconds:0} s per run, CounterState (binary), conditional PutItem");
        Console.WriteLine($"writers |  writes/s | {ReportMath.LatencyColumns}");
        foreach (var writers in new[] { 1, 64 })
        {
            // A fresh silo (and with SQLite a fresh file) per run, so the runs do not share warm state.
            await using var silo = dynamo is null
                ? await BenchSilo.StartAsync()
                : await BenchSilo.StartAsync(s => s.AddDynamoDBGrainStorageAsDefault(o =>
                {
                    o.ServiceUrl = dynamo;
                    o.Region = "us-east-1";
                    o.AccessKey = "local";
                    o.SecretKey = "local";
                    o.TableName = "bench-grain-state";
                }));
            var run = Guid.NewGuid().ToString("N")[..8];
            var states = Enumerable.Range(0, writers).Select(w => new StateWriter(silo.Storage, $"{run}-g{w}")).ToArray();
            await Task.WhenAll(states.Select(s => s.WriteAsync()));
            var result = await ReportMath.RunClosedLoopAsync(writers, duration, w => _ => states[w].WriteAsync());
            Console.WriteLine($"{writers,7} | {result.Row()}");
        }
    }
}
