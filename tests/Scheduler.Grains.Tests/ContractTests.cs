using System.Reflection;
using System.Runtime.CompilerServices;

namespace Scheduler.Grains.Tests;

public sealed class ContractTests
{
    private static readonly Type[] Leaves =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal),
        typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(Guid),
    ];

    [Fact]
    public void GrainInterfaces_EveryTypeInASignature_IsImmutable()
    {
        var interfaces = typeof(IParticipantGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IGrainWithStringKey).IsAssignableFrom(t))
            .ToArray();
        Assert.Contains(typeof(IInterviewRequestGrain), interfaces);
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var method in interfaces.SelectMany(i => i.GetMethods()))
        {
            Assert.True(IsTask(method.ReturnType), $"{method.DeclaringType!.Name}.{method.Name} must return a task");
            var types = method.GetParameters().Select(p => p.ParameterType).Concat(method.ReturnType.GetGenericArguments());
            foreach (var type in types)
            {
                Check(type, $"{method.DeclaringType!.Name}.{method.Name}", problems, seen);
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Contracts_EverySerializedTypeAndGrainInterface_HasAnAlias()
    {
        // On the wire and in stored state a type is named by its alias, not its namespace: types may move, aliases never change.
        var contracts = typeof(IParticipantGrain).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(GenerateSerializerAttribute), inherit: false) || (t.IsInterface && typeof(IAddressable).IsAssignableFrom(t)))
            .ToArray();
        Assert.Contains(typeof(IParticipantGrain), contracts);
        Assert.Contains(typeof(RequestStatus), contracts);
        Assert.Empty(contracts.Where(t => !t.IsDefined(typeof(AliasAttribute), inherit: false)).Select(t => t.FullName));
    }

    private static bool IsTask(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    private static void Check(Type type, string where, List<string> problems, HashSet<Type> seen)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            type = underlying;
        }

        if (Leaves.Contains(type) || type.IsEnum || !seen.Add(type))
        {
            return;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Check(argument, where, problems, seen);
            }

            return;
        }

        var isRecord = type.GetMethod("<Clone>$") is not null || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
        if (!isRecord)
        {
            problems.Add($"{where}: {type.Name} is neither a record nor an allowed primitive or collection");
            return;
        }

        if (type.GetFields(BindingFlags.Public | BindingFlags.Instance).Any(f => !f.IsInitOnly))
        {
            problems.Add($"{where}: {type.Name} has a mutable public field");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            if (setter is { IsPublic: true } && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                problems.Add($"{where}: {type.Name}.{property.Name} has a public setter");
            }

            Check(property.PropertyType, $"{where} → {type.Name}.{property.Name}", problems, seen);
        }
    }
}
