using Scheduler.Grains.Indexes;

namespace Scheduler.Gateway.Web.Board;

/// <summary>What a <see cref="BoardSnapshot"/> is kept under in the <see cref="BoardSnapshotCache"/>.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Query">The page's query.</param>
/// <param name="Version">The index version read before the snapshot.</param>
public sealed record BoardSnapshotKey(string Tenant, RequestListQuery Query, RequestIndexVersion Version);
