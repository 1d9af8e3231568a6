using Orleans.Serialization;
using Orleans.Storage;

namespace Scheduler.Grains.Tests;

/// <summary>Grain state written by an older version of a state type (before a field was added) still reads after it.</summary>
public sealed class StateVersionTests
{
    [Fact]
    public void Deserialize_StateWrittenBeforeAFieldWasAdded_ReadsOldFieldsAndDefaultsTheNewOne()
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(StateVersionTests).Assembly)).BuildServiceProvider();
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());

        var stored = serializer.Serialize(new StateBefore { Name = "maya", Items = ["a", "b"] });
        var read = serializer.Deserialize<StateAfter>(stored)!;

        Assert.Equal("maya", read.Name);
        Assert.Equal(["a", "b"], read.Items);
        Assert.Equal(StateAfter.DefaultLimit, read.Limit);
    }

    [Fact]
    public void Deserialize_StateWrittenByANewerVersion_IgnoresTheUnknownField()
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(StateVersionTests).Assembly)).BuildServiceProvider();
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());

        var read = serializer.Deserialize<StateBefore>(serializer.Serialize(new StateAfter { Name = "lukas", Items = ["x"], Limit = 3 }))!;

        Assert.Equal("lukas", read.Name);
        Assert.Equal(["x"], read.Items);
    }
}

/// <summary>A state type as first shipped.</summary>
[GenerateSerializer]
public sealed class StateBefore
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public List<string> Items { get; set; } = [];
}

/// <summary>The same state type after a release added <see cref="Limit"/> with a new id.</summary>
[GenerateSerializer]
public sealed class StateAfter
{
    public const int DefaultLimit = 5;

    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public List<string> Items { get; set; } = [];

    [Id(2)]
    public int Limit { get; set; } = DefaultLimit;
}
