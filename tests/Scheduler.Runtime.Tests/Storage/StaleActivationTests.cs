using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Storage;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Storage;

/// <summary>
/// The runtime discards an activation whose state write or clear failed on its ETag (another
/// activation wrote meanwhile), even when the grain does not ask for it: the next call activates the
/// grain afresh from storage instead of failing on the same stale ETag forever.
/// </summary>
public sealed class StaleActivationTests
{
    private static readonly GrainId Contended = new("stateful", "contended");

    [Fact]
    public async Task WriteWithStaleETag_DeactivatesTheActivation_AndTheNextCallWorksOnTheStoredState()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>(Contended.Key);
        Assert.Equal(1, await grain.Increment("mine"));
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        await WriteAsOtherActivationAsync(storage);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment("stale"));
        await TestSiloHost.WaitUntilAsync(() => host.Silo.ActivationCount == 0);

        Assert.Equal(43, await grain.Increment("next"));
        var view = await grain.Get();
        Assert.Equal(["theirs", "next"], view.Items);
        Assert.Equal(1, host.Silo.ActivationCount);
    }

    [Fact]
    public async Task ClearWithStaleETag_DeactivatesTheActivation_AndKeepsTheOtherWrite()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>(Contended.Key);
        await grain.Increment("mine");
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        await WriteAsOtherActivationAsync(storage);

        await Assert.ThrowsAsync<InconsistentStateException>(grain.Clear);
        await TestSiloHost.WaitUntilAsync(() => host.Silo.ActivationCount == 0);

        Assert.Equal(42, (await grain.Get()).Value);
        Assert.NotNull(await storage.ReadAsync(Contended, "counter", CancellationToken.None));
    }

    [Fact]
    public async Task SuccessfulWrites_KeepTheActivation()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>(Contended.Key);
        var etags = new HashSet<string?>();
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(i, await grain.Increment($"i{i}"));
            etags.Add(await grain.ETag());
        }

        Assert.Equal(3, etags.Count);
        Assert.Equal(1, host.Silo.ActivationCount);
    }

    private static async Task WriteAsOtherActivationAsync(IGrainStorage storage)
    {
        // Another activation (on a silo that briefly believed it owned the grain) wrote first.
        var current = await storage.ReadAsync(Contended, "counter", CancellationToken.None);
        await storage.WriteAsync(Contended, "counter", "{\"value\":42,\"items\":[\"theirs\"]}"u8.ToArray(), current!.ETag, CancellationToken.None);
    }
}
