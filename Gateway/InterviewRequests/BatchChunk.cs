using Scheduler.Grains.Batches;

namespace Scheduler.Gateway.InterviewRequests;

/// <summary>
/// One chunk of a batch being stored (see <c>BatchPartition</c>): counts the items still to be
/// stored and collects the accepted ones, so that its planner starts as soon as the last one is in.
/// Safe for concurrent use.
/// </summary>
/// <param name="number">The chunk's number within the batch, from 0.</param>
/// <param name="size">How many items belong to it; 2 or more.</param>
internal sealed class BatchChunk(int number, int size)
{
    private readonly List<BatchPlanItem> _accepted = new(size);
    private int _remaining = size;

    /// <summary>The chunk's number within the batch, from 0.</summary>
    public int Number { get; } = number;

    /// <summary>Records that one item is done: accepted (with its request) or not (<see langword="null"/>).</summary>
    /// <param name="accepted">The stored request, or <see langword="null"/> when the item was not stored.</param>
    /// <returns>The accepted items when this was the chunk's last item, otherwise <see langword="null"/>.</returns>
    public IReadOnlyList<BatchPlanItem>? Complete(BatchPlanItem? accepted)
    {
        lock (_accepted)
        {
            if (accepted is not null)
            {
                _accepted.Add(accepted);
            }

            return --_remaining == 0 ? [.. _accepted] : null;
        }
    }
}
