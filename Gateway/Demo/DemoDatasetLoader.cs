using Scheduler.Gateway.InterviewRequests;

namespace Scheduler.Gateway.Demo;

/// <summary>Loads <see cref="DemoDataset"/> and then <see cref="DemoRequests"/> at startup, after the embedded silo has started (registered after it).</summary>
/// <param name="factory">The grain factory.</param>
/// <param name="submitter">Submits the demo requests as the API does.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
public sealed class DemoDatasetLoader(IGrainFactory factory, RequestSubmitter submitter, TimeProvider time, ILogger<DemoDatasetLoader> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var participants = await DemoDataset.LoadAsync(factory, time.GetUtcNow(), cancellationToken);
        await DemoRequests.SubmitAsync(new TenantGrains(factory, DemoDataset.Tenant), submitter, time.GetUtcNow(), cancellationToken);
        GatewayLog.DemoLoaded(logger, DemoDataset.Tenant, participants);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
