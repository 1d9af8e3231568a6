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
internal sealed class ClusterClientCallInvoker(IPlacementDirector director, IClusterMembershipView view, RoutedCallSender sender) : IGrainCallInvoker
{
    public object Invoke(GrainId target, GrainMethodInvoker invoker, object?[] arguments) =>
        sender.Invoke(target, invoker, arguments, OwnerOf);

    private SiloAddress? OwnerOf(GrainId target)
    {
        var active = view.Current.ActiveSilos;
        return active.Count == 0 ? null : director.SelectOwner(target, active);
    }
}
