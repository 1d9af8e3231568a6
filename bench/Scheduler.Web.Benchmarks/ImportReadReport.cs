using System.Diagnostics;
using Scheduler.Gateway.Common;
using Scheduler.Gateway.Web.Imports;
using Scheduler.Grains.Imports;
using Scheduler.Grains.Indexes;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// The import page's reads with every request of the tenant in one import record (as a file of that many rows would
/// leave it): the first read of a page (<see cref="ImportWatch.ReadAsync"/> on a new watch: the record, then every
/// request's status, <see cref="ImportWatch.ReadParallelism"/> at a time), with the request grains active and, every
/// other run, after the silo's idle activations were collected; and the next read of the same page (the requests are
/// terminal, so none is read again). Times in the process, with the grain calls the silo received.
/// </summary>
internal static class ImportReadReport
{
    public static async Task RunAsync(BenchGateway gateway, IGrainFactory factory, ImportRuns imports, string tenant, int runs)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await RequestIndexReader.ListAsync(factory, tenant, new RequestListQuery(null, null, cursor, RequestIndexReader.MaxLimit));
            ids.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var grains = new TenantGrains(factory, tenant);
        const string importId = "import-bench";
        await grains.Import(importId).Start("bench.csv", ids.Count, TimeProvider.System.GetUtcNow());
        await grains.Import(importId).Complete([.. ids.Select((id, i) => new BatchImportItem(i + 1, id, null))], TimeProvider.System.GetUtcNow());

        var (cold, first, next) = (new List<double>(), new List<double>(), new List<double>());
        long firstCalls = 0;
        for (var run = 0; run < runs * 2; run++)
        {
            // Every other run starts cold: the silo's idle activations are collected first, so each request grain
            // activates from storage, as for an import opened long after it settled.
            var isCold = run % 2 == 0;
            if (isCold)
            {
                await factory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            }

            var watch = new ImportWatch(grains, importId, imports);
            var calls = gateway.Calls.Snapshot();
            var clock = Stopwatch.StartNew();
            var progress = await watch.ReadAsync(CancellationToken.None) ?? throw new InvalidOperationException("The import record was not found.");
            (isCold ? cold : first).Add(clock.Elapsed.TotalMilliseconds);
            firstCalls = GrainCallCounter.Between(calls, gateway.Calls.Snapshot()).Sum(c => c.Calls);
            if (!progress.Done)
            {
                throw new InvalidOperationException($"{progress.Settled} of {progress.Rows} requests have settled; the report expects all.");
            }

            clock.Restart();
            await watch.ReadAsync(CancellationToken.None);
            next.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"import page of {ids.Count:N0} requests, first read, request grains active (record and every status; {firstCalls:N0} grain calls in the last run, timers included): {Figures.MedianAndRange(first)}");
        Console.WriteLine($"import page of {ids.Count:N0} requests, first read, idle activations collected before: {Figures.MedianAndRange(cold)}");
        Console.WriteLine($"import page of {ids.Count:N0} requests, next read (all settled, nothing read): {Figures.MedianAndRange(next)}");
    }
}
