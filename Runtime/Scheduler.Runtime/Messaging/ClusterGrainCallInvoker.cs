using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Routes calls by placement: a grain this silo owns (in its membership view) runs locally through
/// <see cref="LocalGrainCallInvoker"/>; any other grain is sent to its owner with
/// <see cref="RoutedCallSender"/>, which resends a call that was not delivered (the owner was lost)
/// to the owner of the updated view. While the view holds only this silo every call is local.
/// </summary>
internal sealed class ClusterGrainCallInvoker(LocalGrainCallInvoker local, GrainPlacement placement, RoutedCallSender sender) : IGrainCallInvoker
{
    public object Invoke(GrainId target, GrainMethodInvoker invoker, object?[] arguments) =>
        placement.IsLocal(target)
            ? local.Invoke(target, invoker, arguments)
            : sender.Invoke(target, invoker, arguments, placement.OwnerOf);
}
