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

    /// <summary>The view of a table read: every row, and the <see cref="SiloMembershipStatus.Active"/> ones as placement targets.</summary>
    /// <param name="table">The rows and version read.</param>
    /// <returns>The view at the table's version.</returns>
    public static ClusterMembershipSnapshot From(MembershipTableSnapshot table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ClusterMembershipSnapshot(
            table.Version.Version,
            [.. table.Rows.Where(r => r.Entry.Status == SiloMembershipStatus.Active).Select(r => r.Entry.Silo)],
            [.. table.Rows.Select(r => r.Entry)]);
    }

    /// <summary>The status of <paramref name="silo"/> in this view, or <see langword="null"/> when it has no row.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>Its status, or <see langword="null"/>.</returns>
    public SiloMembershipStatus? StatusOf(SiloAddress silo)
    {
        var key = MembershipEntry.KeyOf(silo);
        return Members.FirstOrDefault(m => MembershipEntry.KeyOf(m.Silo) == key)?.Status;
    }
}
