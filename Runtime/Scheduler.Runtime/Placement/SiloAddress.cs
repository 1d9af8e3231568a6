namespace Scheduler.Runtime.Placement;

/// <summary>A silo of the cluster: its name, the endpoint other nodes call it on, and its generation (start time, so a restarted silo is a new member).</summary>
/// <param name="Name">The silo's name, unique in the cluster.</param>
/// <param name="Endpoint">The base address of its silo-to-silo endpoint (HTTP/2).</param>
/// <param name="Generation">A number that grows with each start of a silo of that name (e.g. Unix milliseconds of its start).</param>
public sealed record SiloAddress(string Name, Uri Endpoint, long Generation)
{
    /// <summary>The stable hash of the silo's identity (name and generation), used by rendezvous placement.</summary>
    /// <returns>The hash.</returns>
    public uint GetUniformHashCode() => StableHash.Compute($"{Name}@{Generation}");
}
