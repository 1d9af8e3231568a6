namespace Scheduler.Grains.Pools;

/// <summary>The durable state of a pool grain (JSON).</summary>
public sealed class PoolState
{
    /// <summary>The definition; <see langword="null"/> until created.</summary>
    public PoolDefinition? Definition { get; set; }

    /// <summary>Increments on every change of the definition.</summary>
    public long Version { get; set; }

    /// <summary>The member picked most recently (round robin starts after it).</summary>
    public string? LastPicked { get; set; }

    /// <summary>Offers by id.</summary>
    public Dictionary<string, OfferView> Offers { get; set; } = [];
}
