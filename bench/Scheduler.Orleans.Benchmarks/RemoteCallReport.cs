namespace Scheduler.Orleans.Benchmarks;

/// <summary>
/// Grain calls between two silos: two <see cref="BenchSilo"/>s in this process forming one cluster over TCP on
/// loopback (Orleans' socket transport and binary serializer, as between silo processes). C closed-loop callers on
/// silo A call <c>Echo</c> on grains that live on silo B (remote) and, for comparison, on grains that live on A
/// (local). Prints calls/s and the latency distribution.
/// </summary>
/// <remarks>
/// Where each grain lives is decided, then checked: <see cref="EchoGrain"/> has <c>[PreferLocalPlacement]</c>, so each
/// target grain is activated by a first call from the grain factory of the silo that should own it, and the report
/// asks every target, through silo A, which silo it lives on, and stops if one is not where it should be.
/// </remarks>
internal static class RemoteCallReport
{
    private const int Targets = 256;

    public static void Run(string[] args)
    {
        var seconds = ReportMath.ReadOption(args, "--seconds", 10);
        RunAsync(TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(TimeSpan duration)
    {
        await using var a = await BenchSilo.StartAsync();
        await using var b = await BenchSilo.StartAsync(primary: a);
        await BenchSilo.WaitForClusterAsync(a, b);
        var remote = await PlaceAsync(owner: b, caller: a, "remote");
        var local = await PlaceAsync(owner: a, caller: a, "local");
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds));
        Console.WriteLine($"Grain calls from silo A, 2 silos in one process over TCP on loopback, {duration.TotalSeconds:0} s per run after a {warmUp.TotalSeconds:0} s warm-up");
        Console.WriteLine($"target | callers |   calls/s | {ReportMath.LatencyColumns}");
        foreach (var callers in new[] { 1, 16, 64, 256 })
        {
            await MeasureAsync(remote, callers, warmUp);
            Console.WriteLine($"remote | {callers,7} | {(await MeasureAsync(remote, callers, duration)).Row()}");
        }

        foreach (var callers in new[] { 1, 64 })
        {
            await MeasureAsync(local, callers, warmUp);
            Console.WriteLine($"local  | {callers,7} | {(await MeasureAsync(local, callers, duration)).Row()}");
        }
    }

    /// <summary>Activates <see cref="Targets"/> echo grains on <paramref name="owner"/> and returns references to them from <paramref name="caller"/>'s grain factory.</summary>
    private static async Task<IEchoGrain[]> PlaceAsync(BenchSilo owner, BenchSilo caller, string prefix)
    {
        var keys = Enumerable.Range(0, Targets).Select(i => $"{prefix}-{i}").ToArray();
        await Task.WhenAll(keys.Select(k => owner.GrainFactory.GetGrain<IEchoGrain>(k).Echo(0)));
        var grains = keys.Select(k => caller.GrainFactory.GetGrain<IEchoGrain>(k)).ToArray();
        var places = await Task.WhenAll(grains.Select(g => g.Where()));
        if (places.FirstOrDefault(p => !p.Equals(owner.Address)) is { } wrong)
        {
            throw new InvalidOperationException($"A '{prefix}' grain lives on {wrong}, not on {owner.Address}.");
        }

        return grains;
    }

    private static Task<LoadResult> MeasureAsync(IEchoGrain[] grains, int callers, TimeSpan duration) =>
        ReportMath.RunClosedLoopAsync(callers, duration, c => async i =>
        {
            if (await grains[c % grains.Length].Echo(i) != i)
            {
                throw new InvalidOperationException("Echo returned another value.");
            }
        });
}
