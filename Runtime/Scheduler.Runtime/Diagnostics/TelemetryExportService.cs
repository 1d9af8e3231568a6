using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Scheduler.Runtime.Diagnostics;

/// <summary>Creates the tracer and meter providers when the host starts (so they listen from the first call on) and flushes them when it stops; the container disposes them.</summary>
internal sealed class TelemetryExportService(TracerProvider tracing, MeterProvider metrics) : IHostedService
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing.ForceFlush((int)FlushTimeout.TotalMilliseconds);
        metrics.ForceFlush((int)FlushTimeout.TotalMilliseconds);
        return Task.CompletedTask;
    }
}
