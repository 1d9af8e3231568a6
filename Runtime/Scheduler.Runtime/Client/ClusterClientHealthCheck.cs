using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.Client;

/// <summary>Readiness of a cluster client: its membership view lists at least one active silo to send calls to.</summary>
public sealed class ClusterClientHealthCheck(IClusterMembershipView view) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = view.Current;
        return Task.FromResult(current.ActiveSilos.Count == 0
            ? HealthCheckResult.Unhealthy($"No active silo in the membership view (table version {current.Version}).")
            : HealthCheckResult.Healthy($"{current.ActiveSilos.Count} active silos (table version {current.Version})."));
    }
}
