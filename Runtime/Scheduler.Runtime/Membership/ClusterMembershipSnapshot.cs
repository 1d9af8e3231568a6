using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>One silo's view of the cluster at a table version.</summary>
/// <param name="Version">The membership table version the view was read at; 0 before the first read.</param>
/// <param name="ActiveSilos">The silos whose status is <see cref="SiloMembershipStatus.Active"/>, ordered by key (<see cref="MembershipEntry.KeyOf"/>): the placement targets.</param>
/// <param name="Members">Every row read, dead ones included, ordered by key.</param>
public sealed record ClusterMembershipSnapshot(int Version, IReadOnlyList<SiloAddress> ActiveSilos, IReadOnlyList<MembershipEntry> Members)
{
    /// <summary>The view before anything was read.</summary>
    public static ClusterMembershipSnapshot Empty { get; } = new(0, [], []);

    /// <summary>The status of <paramref name="silo"/> in this view, or <see langword="null"/> when it has no row.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>Its status, or <see langword="null"/>.</returns>
    public SiloMembershipStatus? StatusOf(SiloAddress silo)
    {
        var key = MembershipEntry.KeyOf(silo);
        return Members.FirstOrDefault(m => MembershipEntry.KeyOf(m.Silo) == key)?.Status;
    }
}
