using System.Reflection;
using Scheduler.Runtime.Catalog;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// The proxy behind every grain reference (a <see cref="DispatchProxy"/> implementing the grain
/// interface). Holds only the grain id and the call invoker, so it is cheap to create and can be
/// serialized as its grain id.
/// </summary>
public class GrainReference : DispatchProxy, IGrainIdentity
{
    private GrainInterfaceInfo? _interface;
    private IGrainCallInvoker? _invoker;

    /// <summary>The referenced grain.</summary>
    public GrainId GrainId { get; private set; }

    /// <summary>The grain interface this reference implements.</summary>
    public Type InterfaceType => _interface!.InterfaceType;

    /// <inheritdoc />
    public override string ToString() => GrainId.ToString();

    internal void Initialize(GrainId grainId, GrainInterfaceInfo interfaceInfo, IGrainCallInvoker invoker)
    {
        GrainId = grainId;
        _interface = interfaceInfo;
        _invoker = invoker;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!_interface!.Invokers.TryGetValue(targetMethod, out var invoker))
        {
            throw new InvalidOperationException($"{targetMethod.Name} is not a method of grain interface {_interface.InterfaceType.Name}.");
        }

        return _invoker!.Invoke(GrainId, invoker, args ?? []);
    }
}
