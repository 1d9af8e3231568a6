using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Scheduler.Providers.Tests.Support;

/// <summary>
/// Orleans' binary serializer as the product uses it for grain state
/// (<see cref="OrleansGrainStorageSerializer"/> over the serializer from <c>AddSerializer</c>),
/// built once for the test run.
/// </summary>
public static class TestSerialization
{
    private static readonly Lazy<ServiceProvider> Services = new(() =>
        new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(ContractState).Assembly))
            .BuildServiceProvider());

    public static IGrainStorageSerializer GrainStorageSerializer { get; } =
        new OrleansGrainStorageSerializer(Services.Value.GetRequiredService<Serializer>());

    public static IActivatorProvider Activators => Services.Value.GetRequiredService<IActivatorProvider>();
}
