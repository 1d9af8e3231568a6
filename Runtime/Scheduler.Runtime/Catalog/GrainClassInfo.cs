using System.Reflection;
using Scheduler.Runtime.Concurrency;

namespace Scheduler.Runtime.Catalog;

/// <summary>What the silo knows about a grain class: its grain type name, concurrency and idle policy, constructor.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType)
    {
        ClassType = classType;
        GrainType = GetGrainTypeName(classType);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        AgeLimit = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(inherit: true)?.AgeLimit;
        var constructors = classType.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        Constructor = constructors.Length == 1
            ? constructors[0]
            : constructors.OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
              ?? throw new InvalidOperationException($"Grain class {classType.FullName} has no public constructor.");
    }

    public Type ClassType { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public TimeSpan? AgeLimit { get; }

    public ConstructorInfo Constructor { get; }

    public static string GetGrainTypeName(Type classType)
    {
        var explicitName = classType.GetCustomAttribute<GrainTypeAttribute>(inherit: false)?.Name;
        if (!string.IsNullOrEmpty(explicitName))
        {
            return explicitName;
        }

        var name = classType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (name.Length > "Grain".Length && name.EndsWith("Grain", StringComparison.Ordinal))
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
