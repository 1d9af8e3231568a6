using System.Collections.Concurrent;
using System.Reflection;

namespace Scheduler.Runtime.Catalog;

/// <summary>
/// The grain classes a silo hosts and the grain interfaces they implement. Built from the
/// assemblies registered with <c>SiloBuilder.AddGrains</c>.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainClassInfo> _classesByType = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<GrainClassInfo>> _implementations = [];
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> _interfaces = new();

    public GrainTypeRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        foreach (var assembly in assemblies.Select(a => a.Assembly).Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(Grain).IsAssignableFrom(t)))
            {
                var info = new GrainClassInfo(type);
                if (_classesByType.TryGetValue(info.GrainType, out var existing))
                {
                    throw new InvalidOperationException($"Grain classes {existing.ClassType.FullName} and {type.FullName} both have grain type '{info.GrainType}'.");
                }

                _classesByType.Add(info.GrainType, info);
                foreach (var grainInterface in type.GetInterfaces().Where(IsUserGrainInterface))
                {
                    if (!_implementations.TryGetValue(grainInterface, out var list))
                    {
                        _implementations[grainInterface] = list = [];
                    }

                    list.Add(info);
                }
            }
        }
    }

    public IEnumerable<GrainClassInfo> Classes => _classesByType.Values;

    public GrainClassInfo GetClass(string grainType) =>
        _classesByType.TryGetValue(grainType, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class with grain type '{grainType}' is registered in this silo.");

    public GrainInterfaceInfo GetInterface(Type interfaceType) =>
        _interfaces.GetOrAdd(interfaceType, static (t, self) =>
        {
            if (!t.IsInterface || !typeof(IGrain).IsAssignableFrom(t))
            {
                throw new InvalidOperationException($"{t.FullName} is not a grain interface.");
            }

            string? grainType = self._implementations.TryGetValue(t, out var list) && list.Count == 1 ? list[0].GrainType : null;
            return new GrainInterfaceInfo(t, grainType);
        }, this);

    private static bool IsUserGrainInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type)
        && type != typeof(IGrain)
        && type != typeof(IAddressable)
        && type != typeof(IGrainWithStringKey);
}

/// <summary>An assembly whose grain classes a silo hosts.</summary>
/// <param name="Assembly">The assembly.</param>
public sealed record GrainAssembly(Assembly Assembly);
