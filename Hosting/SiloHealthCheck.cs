using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scheduler.Hosting;

/// <summary>Readiness of a silo: healthy while its membership status is <see cref="SiloStatus.Active"/> (joined, not yet leaving).</summary>
/// <param name="oracle">The silo's view of its own membership status.</param>
public sealed class SiloHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {oracle.SiloAddress} is active.")
            : HealthCheckResult.Unhealthy($"Silo {oracle.SiloAddress} is {oracle.CurrentStatus}."));
}
