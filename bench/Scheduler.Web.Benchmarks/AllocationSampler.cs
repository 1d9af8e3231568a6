using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Scheduler.Web.Benchmarks;

/// <summary>
/// Samples this process's allocations by type while it listens: the runtime raises <c>GCAllocationTick</c> about once per
/// 100 KB allocated on a heap, naming the type of the object that crossed the mark, so a type's share of the ticks
/// estimates its share of the bytes (runtime events: keyword GC <c>0x1</c>, level Verbose, event 10).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    /// <summary>Starts counting.</summary>
    public void Start()
    {
        _bytes.Clear();
        _on = true;
    }

    /// <summary>Stops counting and returns the types that took most ticks.</summary>
    /// <param name="top">How many types to return.</param>
    /// <returns>Type name and sampled bytes (the sum of the ticks' amounts), largest first.</returns>
    public IReadOnlyList<(string Type, long Bytes)> Stop(int top)
    {
        _on = false;
        return [.. _bytes.OrderByDescending(b => b.Value).Take(top).Select(b => (b.Key, b.Value))];
    }

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventId != AllocationTickEventId || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = names.IndexOf("AllocationAmount64") is >= 0 and var i ? Convert.ToInt64(payload[i], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
