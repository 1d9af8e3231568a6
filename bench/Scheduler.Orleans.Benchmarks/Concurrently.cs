namespace Scheduler.Orleans.Benchmarks;

/// <summary>What the benchmarks of concurrent writes share.</summary>
internal static class Concurrently
{
    /// <summary>
    /// Starts one operation per slot of <paramref name="pending"/> (<paramref name="start"/> gets the slot's index)
    /// before awaiting any, then awaits them in order; allocates nothing beyond what the operations do.
    /// </summary>
    public static async Task RunAsync(Task[] pending, Func<int, Task> start)
    {
        for (var i = 0; i < pending.Length; i++)
        {
            pending[i] = start(i);
        }

        for (var i = 0; i < pending.Length; i++)
        {
            await pending[i];
        }
    }
}
