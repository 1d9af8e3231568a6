using System.Collections.Concurrent;

namespace Scheduler.Web.Benchmarks;

/// <summary>Counts the grain calls the silo receives, by interface and method (an incoming grain call filter).</summary>
internal sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate($"{context.InterfaceName}.{context.MethodName}", 1, (_, n) => n + 1);
        await context.Invoke();
    }

    /// <summary>The counts so far.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_calls, StringComparer.Ordinal);

    /// <summary>The calls made between two snapshots, by method, largest first.</summary>
    public static IReadOnlyList<(string Method, long Calls)> Between(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        [.. after.Select(pair => (pair.Key, pair.Value - before.GetValueOrDefault(pair.Key)))
            .Where(pair => pair.Item2 > 0)
            .OrderByDescending(pair => pair.Item2)];
}
