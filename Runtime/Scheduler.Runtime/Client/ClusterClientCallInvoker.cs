using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Client;

/// <summary>
/// A cluster client's call path: every call is sent to its grain's owner, computed with the same
/// <see cref="IPlacementDirector"/> the silos use over the client's <see cref="ClusterClientMembershipView"/>,
/// so it usually lands on the owner directly (a silo whose view differs forwards it once). A call
/// that was not delivered (owner lost, no silo active yet) is resent by <see cref="RoutedCallSender"/>
/// until the call timeout.
/// </summary>
internal sealed class ClusterClientCallInvoker(
    IPlacementDirector director,
    IClusterMembershipView view,
    RoutedCallSender sender,
    GrainCallCodec codec,
    TimeProvider time,
    IOptions<SiloOptions> options,
    ILogger<ClusterClientCallInvoker> log) : IGrainCallInvoker
{
    public object Invoke(GrainId target, GrainMethodInvoker invoker, object?[] arguments)
    {
        GrainCallEnvelope envelope;
        try
        {
            envelope = codec.Encode(target, invoker, arguments, time.GetUtcNow() + options.Value.CallTimeout);
        }
        catch (Exception exception)
        {
            return invoker.ToReturnValue(invoker.Faulted(exception));
        }

        var response = sender.SendAsync(envelope, () => OwnerOf(target), CancellationToken.None);
        if (invoker.IsOneWay)
        {
            response.ContinueWith(
                static (t, s) =>
                {
                    var (logger, name, grain) = ((ILogger, string, GrainId))s!;
                    logger.OneWayCallFailed(t.Exception!.GetBaseException(), name, grain);
                },
                (log, invoker.Name, target),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return invoker.CompletedReturnValue();
        }

        return invoker.ToReturnValue(invoker.FromRemote(response, codec.Options));
    }

    private SiloAddress? OwnerOf(GrainId target)
    {
        var active = view.Current.ActiveSilos;
        return active.Count == 0 ? null : director.SelectOwner(target, active);
    }
}
