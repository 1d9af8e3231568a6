namespace Scheduler.Runtime.Membership;

/// <summary>The cluster as this silo currently sees it, refreshed from the membership table.</summary>
public interface IClusterMembershipView
{
    /// <summary>The latest view.</summary>
    ClusterMembershipSnapshot Current { get; }

    /// <summary>Raised (on a thread-pool thread) after <see cref="Current"/> changed to a newer table version; the argument is the new view.</summary>
    event EventHandler<ClusterMembershipSnapshot>? Changed;
}
