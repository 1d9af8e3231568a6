using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>
/// Durable storage of a cluster's membership: one row per silo (keyed by name and generation,
/// see <see cref="MembershipEntry.KeyOf"/>) and a version row. Changes to rows go through
/// <see cref="InsertRowAsync"/> and <see cref="UpdateRowAsync"/>, which write the row and the
/// next version atomically, and only if both the row's ETag and the version row's ETag are still
/// those the caller read; otherwise they return <see langword="false"/> and write nothing. So of
/// two silos that act on the same read, exactly one succeeds. Heartbeats
/// (<see cref="UpdateIAmAliveAsync"/>) are not versioned changes. One instance serves one
/// cluster (service id and cluster id are given to the provider).
/// </summary>
/// <remarks>The shape follows the membership table of Microsoft Orleans (version row, ETag-guarded rows, IAmAlive outside the version).</remarks>
public interface IMembershipTable
{
    /// <summary>Reads every row and the version, as one consistent view.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows and the version (<see cref="TableVersion.Initial"/> when nothing was ever written).</returns>
    Task<MembershipTableSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Reads one silo's row and the version.</summary>
    /// <param name="silo">The silo (name and generation identify the row).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Zero or one row, and the version.</returns>
    Task<MembershipTableSnapshot> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>Inserts a silo's row and sets the version to <paramref name="version"/>, atomically.</summary>
    /// <param name="entry">The new row.</param>
    /// <param name="version">The version read, advanced with <see cref="TableVersion.Next"/>.</param>
    /// <param name="cancellationToken">Cancels the write before it is submitted.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> (nothing written) when the row already exists or the version row changed since it was read.</returns>
    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken);

    /// <summary>Replaces a silo's row and sets the version to <paramref name="version"/>, atomically. The stored IAmAlive time never moves backwards: the later of the stored one and the entry's is kept.</summary>
    /// <param name="entry">The new content of the row.</param>
    /// <param name="etag">The row's ETag as read.</param>
    /// <param name="version">The version read, advanced with <see cref="TableVersion.Next"/>.</param>
    /// <param name="cancellationToken">Cancels the write before it is submitted.</param>
    /// <returns><see langword="true"/> when written; <see langword="false"/> (nothing written) when the row is missing, its ETag differs, or the version row changed since it was read.</returns>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat of a silo: sets its IAmAlive time, without changing the version or the row's ETag. A time earlier than the stored one is ignored.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="iAmAliveTime">The heartbeat time (UTC).</param>
    /// <param name="cancellationToken">Cancels the write before it is submitted.</param>
    /// <returns>A task that completes when the heartbeat is stored.</returns>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken);

    /// <summary>Removes the rows of dead silos whose last sign of life (<see cref="MembershipEntry.LastAlive"/>) is before <paramref name="before"/>. Removing rows is a change: the version advances.</summary>
    /// <param name="before">The cut-off (UTC).</param>
    /// <param name="cancellationToken">Cancels the cleanup.</param>
    /// <returns>The number of rows removed.</returns>
    Task<int> CleanupDefunctEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Removes every row, including the version row, of cluster <paramref name="clusterId"/> of this service.</summary>
    /// <param name="clusterId">The cluster id (not necessarily this provider's own).</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the rows are gone.</returns>
    Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken);
}
