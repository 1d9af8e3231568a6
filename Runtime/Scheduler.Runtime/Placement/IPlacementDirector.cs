namespace Scheduler.Runtime.Placement;

/// <summary>Decides which active silo owns (hosts the activation of) a grain. Every node computes the same answer from the same membership view.</summary>
public interface IPlacementDirector
{
    /// <summary>Selects the owner of <paramref name="grainId"/>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="activeSilos">The active silos of the current membership view; at least one.</param>
    /// <returns>The owning silo, one of <paramref name="activeSilos"/>.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="activeSilos"/> is empty.</exception>
    SiloAddress SelectOwner(GrainId grainId, IReadOnlyList<SiloAddress> activeSilos);
}
