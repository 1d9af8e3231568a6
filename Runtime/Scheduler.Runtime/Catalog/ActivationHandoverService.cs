using Microsoft.Extensions.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Catalog;

/// <summary>
/// When the membership view changes, deactivates (once their running turns finish) the activations
/// of grains this silo no longer owns, so that the new owner's activation is the only one and reads
/// the latest state, and a later move back finds no stale activation here. Registered with
/// <see cref="Hosting.SiloBuilder.UseSiloTransport"/>: without routing a silo runs grains it does
/// not own, and must keep them.
/// </summary>
internal sealed class ActivationHandoverService(GrainCatalog catalog, GrainPlacement placement, IClusterMembershipView view) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        view.Changed += OnViewChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        view.Changed -= OnViewChanged;
        return Task.CompletedTask;
    }

    private void OnViewChanged(object? sender, ClusterMembershipSnapshot snapshot)
    {
        if (catalog.IsStopping || snapshot.ActiveSilos.Count == 0)
        {
            return;
        }

        foreach (var activation in catalog.Activations)
        {
            if (!placement.IsLocal(activation.GrainId))
            {
                _ = activation.DeactivateAsync(DeactivationReason.OwnershipMoved);
            }
        }
    }
}
