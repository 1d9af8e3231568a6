using Microsoft.Extensions.Logging;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Routes calls by placement: a grain this silo owns (in its membership view) runs locally through
/// <see cref="LocalGrainCallInvoker"/>; any other grain is sent to its owner with
/// <see cref="RoutedCallSender"/>, which resends a call that was not delivered (the owner was lost)
/// to the owner of the updated view. While the view holds only this silo every call is local.
/// </summary>
internal sealed class ClusterGrainCallInvoker(
    LocalGrainCallInvoker local,
    GrainPlacement placement,
    RoutedCallSender sender,
    GrainCallCodec codec,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Hosting.SiloOptions> options,
    ILogger<ClusterGrainCallInvoker> log) : IGrainCallInvoker
{
    public object Invoke(GrainId target, GrainMethodInvoker invoker, object?[] arguments)
    {
        var owner = placement.OwnerOf(target);
        if (owner == placement.Local)
        {
            return local.Invoke(target, invoker, arguments);
        }

        GrainCallEnvelope envelope;
        try
        {
            envelope = codec.Encode(target, invoker, arguments, time.GetUtcNow() + options.Value.CallTimeout);
        }
        catch (Exception exception)
        {
            return invoker.ToReturnValue(invoker.Faulted(exception));
        }

        var response = sender.SendAsync(envelope, () => placement.OwnerOf(target), CancellationToken.None);
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
}
