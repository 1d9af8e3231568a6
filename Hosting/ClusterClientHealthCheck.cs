using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scheduler.Hosting;

/// <summary>Readiness of a cluster client: healthy when a silo answers within 5 s and the cluster lists an active silo.</summary>
/// <param name="grains">The client's grain factory.</param>
public sealed class ClusterClientHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(Timeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("The cluster lists no active silo.");
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or SiloUnavailableException)
        {
            return HealthCheckResult.Unhealthy("No silo answered.", ex);
        }
    }
}
