using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scheduler.Runtime.Hosting;

/// <summary>Readiness of the silo: it is <see cref="SiloStatus.Active"/> and its storage answers.</summary>
public sealed class SiloHealthCheck(SiloHost silo, IEnumerable<IStorageHealthProbe> probes) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (silo.Status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"Silo is {silo.Status}.");
        }

        try
        {
            foreach (var probe in probes)
            {
                await probe.ProbeAsync(cancellationToken);
            }
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("Storage does not answer.", exception);
        }

        return HealthCheckResult.Healthy($"Silo active with {silo.ActivationCount} activations.");
    }
}
