using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>What a read of the membership table returned: rows and the version they belong to.</summary>
/// <param name="Rows">The rows, ordered by silo key (<see cref="MembershipEntry.KeyOf"/>, ordinal).</param>
/// <param name="Version">The table version when read.</param>
public sealed record MembershipTableSnapshot(IReadOnlyList<MembershipRow> Rows, TableVersion Version)
{
    /// <summary>The row of <paramref name="silo"/>, or <see langword="null"/>.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>Its row, or <see langword="null"/>.</returns>
    public MembershipRow? Find(SiloAddress silo)
    {
        var key = MembershipEntry.KeyOf(silo);
        return Rows.FirstOrDefault(r => MembershipEntry.KeyOf(r.Entry.Silo) == key);
    }
}
