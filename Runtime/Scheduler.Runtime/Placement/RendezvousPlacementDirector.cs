namespace Scheduler.Runtime.Placement;

/// <summary>
/// Rendezvous (highest random weight) hashing: the owner of a grain is the active silo with the
/// highest <see cref="StableHash.Combine"/> of the grain's and the silo's uniform hashes (ties by
/// name). Every node computes it locally; when a silo joins or leaves, only the grains it gains
/// or loses move.
/// </summary>
public sealed class RendezvousPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public SiloAddress SelectOwner(GrainId grainId, IReadOnlyList<SiloAddress> activeSilos)
    {
        ArgumentNullException.ThrowIfNull(activeSilos);
        if (activeSilos.Count == 0)
        {
            throw new InvalidOperationException($"No active silo can own grain {grainId}.");
        }

        var grainHash = grainId.GetUniformHashCode();
        var best = activeSilos[0];
        var bestWeight = StableHash.Combine(grainHash, best.GetUniformHashCode());
        for (var i = 1; i < activeSilos.Count; i++)
        {
            var silo = activeSilos[i];
            var weight = StableHash.Combine(grainHash, silo.GetUniformHashCode());
            if (weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(silo.Name, best.Name) < 0))
            {
                best = silo;
                bestWeight = weight;
            }
        }

        return best;
    }
}
