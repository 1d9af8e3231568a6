using System.Text.Json;
using Scheduler.Runtime.Catalog;

namespace Scheduler.Runtime.Messaging;

/// <summary>Converts calls between their in-process form (invoker + argument array) and <see cref="GrainCallEnvelope"/>.</summary>
internal sealed class GrainCallCodec(GrainTypeRegistry registry, JsonSerializerOptions options)
{
    /// <summary>The JSON options of arguments and results.</summary>
    public JsonSerializerOptions Options => options;

    public GrainCallEnvelope Encode(GrainId target, GrainMethodInvoker invoker, object?[] arguments, DateTimeOffset deadline)
    {
        var encoded = new JsonElement[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            encoded[i] = JsonSerializer.SerializeToElement(arguments[i], invoker.ParameterTypes[i], options);
        }

        return new GrainCallEnvelope(
            Guid.NewGuid().ToString("N"),
            target,
            invoker.Method.DeclaringType!.FullName!,
            invoker.Name,
            encoded,
            invoker.IsOneWay,
            deadline,
            0);
    }

    /// <summary>Finds the invoker and deserializes the arguments of an envelope.</summary>
    /// <exception cref="InvalidOperationException">The interface or method is unknown to this silo.</exception>
    /// <exception cref="JsonException">An argument does not deserialize to its parameter type.</exception>
    public (GrainMethodInvoker Invoker, object?[] Arguments) Decode(GrainCallEnvelope envelope)
    {
        var classInfo = registry.GetClass(envelope.Target.Type);
        var interfaceType = classInfo.ClassType.GetInterfaces().FirstOrDefault(i => i.FullName == envelope.Interface)
            ?? throw new InvalidOperationException($"Grain type '{envelope.Target.Type}' does not implement {envelope.Interface}.");
        var invoker = registry.GetInterface(interfaceType).Invokers.Values
            .FirstOrDefault(i => i.Name == envelope.Method && i.ParameterTypes.Length == envelope.Arguments.Count)
            ?? throw new InvalidOperationException($"{envelope.Interface} has no method {envelope.Method} with {envelope.Arguments.Count} parameters.");
        var arguments = new object?[envelope.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = envelope.Arguments[i].Deserialize(invoker.ParameterTypes[i], options);
        }

        return (invoker, arguments);
    }
}
