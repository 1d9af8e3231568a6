namespace Scheduler.Scheduling.Engine;

/// <summary>A pool requirement with its members ranked for fairness (fewest recent bookings, then id).</summary>
internal sealed class PoolPlan
{
    public PoolPlan(PoolRequirement request, EngineParticipant[] membersByFairness, int[] recentLoad)
    {
        Request = request;
        MembersByFairness = membersByFairness;
        RecentLoad = recentLoad;
    }

    public PoolRequirement Request { get; }

    public int Count => Request.Count;

    public EngineParticipant[] MembersByFairness { get; }

    /// <summary>Bookings in the trailing fairness window, parallel to <see cref="MembersByFairness"/>.</summary>
    public int[] RecentLoad { get; }
}
