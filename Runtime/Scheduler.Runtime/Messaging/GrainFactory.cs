using System.Reflection;
using Scheduler.Runtime.Catalog;

namespace Scheduler.Runtime.Messaging;

/// <summary>The silo's <see cref="IGrainFactory"/>: creates <see cref="GrainReference"/> proxies.</summary>
internal sealed class GrainFactory(GrainTypeRegistry registry, IGrainCallInvoker invoker) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var info = registry.GetInterface(typeof(TGrainInterface));
        var grainType = info.GrainType
            ?? throw new InvalidOperationException($"No single grain class implements {typeof(TGrainInterface).Name}; use GetGrain<T>(GrainId).");
        return Create<TGrainInterface>(new GrainId(grainType, key), info);
    }

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain
    {
        var info = registry.GetInterface(typeof(TGrainInterface));
        var classInfo = registry.GetClass(grainId.Type);
        if (!typeof(TGrainInterface).IsAssignableFrom(classInfo.ClassType))
        {
            throw new InvalidOperationException($"Grain type '{grainId.Type}' does not implement {typeof(TGrainInterface).Name}.");
        }

        return Create<TGrainInterface>(grainId, info);
    }

    private TGrainInterface Create<TGrainInterface>(GrainId grainId, GrainInterfaceInfo info)
    {
        var proxy = (GrainReference)DispatchProxy.Create(typeof(TGrainInterface), typeof(GrainReference));
        proxy.Initialize(grainId, info, invoker);
        return (TGrainInterface)(object)proxy;
    }
}
