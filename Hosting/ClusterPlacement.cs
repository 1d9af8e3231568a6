namespace Scheduler.Hosting;

/// <summary>
/// The placement Orleans uses for grain types that choose none themselves (<c>Cluster:DefaultPlacement</c>); grain
/// types with a deliberate choice carry their own attribute (docs/ORLEANS.md, "Placement").
/// </summary>
public enum ClusterPlacement
{
    /// <summary>Orleans' default since 9.2: the silo with the lowest CPU, memory and activation-count score, preferring the caller's silo when scores are within a small margin.</summary>
    ResourceOptimized,

    /// <summary>A random compatible silo.</summary>
    Random,

    /// <summary>The silo of the call that activates the grain.</summary>
    PreferLocal,

    /// <summary>The least loaded of a few randomly chosen silos, by activation count.</summary>
    ActivationCountBased,
}
