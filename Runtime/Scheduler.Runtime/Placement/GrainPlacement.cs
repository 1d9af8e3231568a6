using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.Placement;

/// <summary>
/// Computes which silo owns a grain: the <see cref="IPlacementDirector"/> (rendezvous hashing)
/// over the active silos of this silo's <see cref="IClusterMembershipView"/>. While the view has
/// no active silo (before this silo is active, or a single embedded silo), the owner is this
/// silo, so a lone silo behaves exactly as before membership existed.
/// </summary>
public sealed class GrainPlacement
{
    private readonly IPlacementDirector _director;
    private readonly IClusterMembershipView _view;
    private readonly LocalSilo _local;

    /// <summary>Creates the placement.</summary>
    /// <param name="director">The placement rule.</param>
    /// <param name="view">The membership view.</param>
    /// <param name="local">This silo.</param>
    public GrainPlacement(IPlacementDirector director, IClusterMembershipView view, LocalSilo local)
    {
        ArgumentNullException.ThrowIfNull(director);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(local);
        _director = director;
        _view = view;
        _local = local;
    }

    /// <summary>This silo's address.</summary>
    public SiloAddress Local => _local.Address;

    /// <summary>The owner of <paramref name="grainId"/> in the current view.</summary>
    /// <param name="grainId">The grain.</param>
    /// <returns>An active silo, or this silo when the view has none.</returns>
    public SiloAddress OwnerOf(GrainId grainId)
    {
        var active = _view.Current.ActiveSilos;
        return active.Count == 0 ? _local.Address : _director.SelectOwner(grainId, active);
    }

    /// <summary>Whether this silo owns <paramref name="grainId"/> in the current view.</summary>
    /// <param name="grainId">The grain.</param>
    /// <returns><see langword="true"/> when the owner is this silo.</returns>
    public bool IsLocal(GrainId grainId) => OwnerOf(grainId) == _local.Address;
}
