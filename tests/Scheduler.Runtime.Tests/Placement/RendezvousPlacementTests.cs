using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Tests.Placement;

public sealed class RendezvousPlacementTests
{
    private static readonly SiloAddress[] Silos =
    [
        new("silo-a", new Uri("http://10.0.0.1:11111"), 1),
        new("silo-b", new Uri("http://10.0.0.2:11111"), 1),
        new("silo-c", new Uri("http://10.0.0.3:11111"), 1),
    ];

    private static readonly GrainId[] Grains = Enumerable.Range(0, 3000).Select(i => new GrainId("participant", $"acme/p-{i}")).ToArray();

    [Fact]
    public void SelectOwner_SameViewInAnyOrder_SameOwner()
    {
        var director = new RendezvousPlacementDirector();
        var reversed = Silos.Reverse().ToArray();

        Assert.All(Grains, g => Assert.Equal(director.SelectOwner(g, Silos), director.SelectOwner(g, reversed)));
    }

    [Fact]
    public void SelectOwner_ThreeSilos_SpreadsGrainsEvenly()
    {
        var director = new RendezvousPlacementDirector();

        var counts = Grains.GroupBy(g => director.SelectOwner(g, Silos).Name).ToDictionary(x => x.Key, x => x.Count());

        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 800, 1200));
    }

    [Fact]
    public void SelectOwner_SiloLeaves_OnlyItsGrainsMove()
    {
        var director = new RendezvousPlacementDirector();
        var before = Grains.ToDictionary(g => g, g => director.SelectOwner(g, Silos).Name);

        var after = Grains.ToDictionary(g => g, g => director.SelectOwner(g, Silos[..2]).Name);

        Assert.All(Grains.Where(g => before[g] != "silo-c"), g => Assert.Equal(before[g], after[g]));
        Assert.All(Grains.Where(g => before[g] == "silo-c"), g => Assert.NotEqual("silo-c", after[g]));
    }

    [Fact]
    public void SelectOwner_NoSilos_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new RendezvousPlacementDirector().SelectOwner(Grains[0], []));
}
