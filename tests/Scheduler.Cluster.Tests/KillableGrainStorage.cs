using Scheduler.Runtime;
using Scheduler.Runtime.Storage;

namespace Scheduler.Cluster.Tests;

/// <summary>A silo's grain storage that stops working when the silo is killed (<see cref="SiloKillSwitch"/>).</summary>
/// <param name="inner">The real storage (DynamoDB).</param>
/// <param name="kill">The silo's kill switch.</param>
public sealed class KillableGrainStorage(IGrainStorage inner, SiloKillSwitch kill) : IGrainStorage
{
    /// <summary>The real storage.</summary>
    public IGrainStorage Inner => inner;

    public Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.ReadAsync(grainId, stateName, cancellationToken);
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedETag, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.WriteAsync(grainId, stateName, payload, expectedETag, cancellationToken);
    }

    public Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken)
    {
        kill.ThrowIfTripped();
        return inner.ClearAsync(grainId, stateName, expectedETag, cancellationToken);
    }
}
