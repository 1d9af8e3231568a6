namespace Scheduler.Grains.Pools;

/// <summary>The durable state of a pool grain (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Pools.PoolState")]
public sealed class PoolState
{
    /// <summary>The definition; <see langword="null"/> until created.</summary>
    [Id(0)]
    public PoolDefinition? Definition { get; set; }

    /// <summary>Increments on every change of the definition.</summary>
    [Id(1)]
    public long Version { get; set; }

    /// <summary>The member picked most recently (round robin starts after it).</summary>
    [Id(2)]
    public string? LastPicked { get; set; }

    /// <summary>Offers by id.</summary>
    [Id(3)]
    public Dictionary<string, OfferView> Offers { get; set; } = [];
}
