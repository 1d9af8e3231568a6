using System.Collections.Frozen;
using System.Reflection;
using Scheduler.Runtime.Messaging;

namespace Scheduler.Runtime.Catalog;

/// <summary>A grain interface: the invokers of all its methods (inherited ones included) and its implementing grain type, if unique.</summary>
internal sealed class GrainInterfaceInfo
{
    public GrainInterfaceInfo(Type interfaceType, string? grainType)
    {
        InterfaceType = interfaceType;
        GrainType = grainType;
        var methods = new[] { interfaceType }
            .Concat(interfaceType.GetInterfaces())
            .SelectMany(i => i.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Distinct();
        Invokers = methods.ToFrozenDictionary(m => m, GrainMethodInvoker.Create);
    }

    public Type InterfaceType { get; }

    /// <summary>The grain type of the single class implementing the interface, or <see langword="null"/> when none or several do.</summary>
    public string? GrainType { get; }

    public FrozenDictionary<MethodInfo, GrainMethodInvoker> Invokers { get; }
}
