using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.Catalog;

/// <summary>
/// Constructs grain objects: constructor parameters marked <see cref="PersistentStateAttribute"/>
/// get a <see cref="PersistentState{TState}"/> bound to the named storage provider (and to the
/// activation, which a stale-ETag write discards); the rest come from DI.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services, GrainStateSerializer serializer, RuntimeInstrumentation instrumentation)
{
    public Grain CreateInstance(GrainActivation activation, out IReadOnlyList<IPersistentStateLoader> states)
    {
        var parameters = activation.ClassInfo.Constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        List<IPersistentStateLoader>? loaders = null;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var stateAttribute = parameter.GetCustomAttributes(typeof(PersistentStateAttribute), inherit: false).OfType<PersistentStateAttribute>().FirstOrDefault();
            if (stateAttribute is not null)
            {
                var state = CreateState(activation, parameter.ParameterType, stateAttribute);
                (loaders ??= []).Add((IPersistentStateLoader)state);
                arguments[i] = state;
            }
            else if (parameter.ParameterType == typeof(IGrainContext))
            {
                arguments[i] = activation;
            }
            else
            {
                arguments[i] = services.GetService(parameter.ParameterType)
                    ?? (parameter.HasDefaultValue ? parameter.DefaultValue : throw new InvalidOperationException(
                        $"Grain class {activation.ClassInfo.ClassType.Name}: no service of type {parameter.ParameterType.Name} for constructor parameter '{parameter.Name}'."));
            }
        }

        var grain = (Grain)activation.ClassInfo.Constructor.Invoke(arguments);
        grain.Attach(activation);
        states = (IReadOnlyList<IPersistentStateLoader>?)loaders ?? [];
        return grain;
    }

    private object CreateState(GrainActivation activation, Type parameterType, PersistentStateAttribute attribute)
    {
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"[PersistentState] is only valid on IPersistentState<T> parameters, not {parameterType.Name}.");
        }

        var storage = services.GetKeyedService<IGrainStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException($"No grain storage provider named '{attribute.StorageName}' is registered.");
        var stateType = typeof(PersistentState<>).MakeGenericType(parameterType.GetGenericArguments()[0]);
        Action onConflict = activation.DeactivateAfterStorageConflict;
        return Activator.CreateInstance(stateType, activation.GrainId, attribute.StateName, attribute.StorageName, storage, serializer, instrumentation, onConflict)!;
    }
}
