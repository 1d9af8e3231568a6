using Scheduler.Grains.Pools;

namespace Scheduler.Gateway.Web.Pools;

/// <summary>
/// Reads a pool (<see cref="IInterviewerPoolGrain.Get"/>, as <c>GET /v1/pools/{id}</c>) and each member's interviews from
/// the member's own bookings (<see cref="IParticipantGrain.ListBookings"/>), so the pool page shows whether the pool
/// spreads its interviews fairly. An interview counts once, at the start of its first stage, whatever request or pool
/// it came from: the load a member carries.
/// </summary>
/// <param name="factory">The grain factory.</param>
/// <param name="time">The clock.</param>
public sealed class PoolLoadReader(IGrainFactory factory, TimeProvider time)
{
    /// <summary>How many weeks back the chart counts.</summary>
    public const int Weeks = 4;

    /// <summary>Reads the pool's load.</summary>
    /// <param name="tenant">The viewer's tenant.</param>
    /// <param name="poolId">The pool id.</param>
    /// <returns>The load, or <see langword="null"/> when there is no such pool.</returns>
    public async Task<PoolLoad?> ReadAsync(string tenant, string poolId)
    {
        var grains = new TenantGrains(factory, tenant);
        var pool = await grains.FindPool(poolId);
        if (pool is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var from = now.AddDays(-7 * Weeks);
        var members = await Task.WhenAll(pool.Members.Select(id => MemberAsync(grains.Participant(id), id, from, now)));
        return new PoolLoad(pool.Id, pool.Strategy, from, now, members);
    }

    private static async Task<MemberLoad> MemberAsync(IParticipantGrain participant, string id, DateTimeOffset from, DateTimeOffset now)
    {
        var profile = participant.GetProfile();
        var starts = (await participant.ListBookings()).Where(b => b.Intervals.Count > 0).Select(b => b.Intervals.Min(i => i.Start)).ToList();
        var weekly = new int[Weeks];
        foreach (var start in starts.Where(s => s >= from && s < now))
        {
            weekly[Math.Min(Weeks - 1, (int)((start - from).TotalDays / 7))]++;
        }

        return new MemberLoad(id, (await profile)?.DisplayName ?? id, weekly, starts.Count(s => s >= now));
    }
}
