using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Storage;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Storage;

public sealed class PersistentStateTests
{
    [Fact]
    public async Task State_WrittenByGrain_IsReadByNextActivation()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>("s1");
        await grain.Increment("a");
        await grain.Increment("b");

        await host.GrainFactory.GetGrain<ICounterGrain>("unrelated").Ping();
        host.Time.Advance(TimeSpan.FromHours(1)); // idle collection deactivates both
        await TestSiloHost.WaitUntilAsync(() => host.Silo.ActivationCount == 0);

        var view = await grain.Get();
        Assert.Equal(new[] { "a", "b" }, view.Items);
        Assert.Equal(2, view.Value);
        Assert.True(view.RecordExists);
    }

    [Fact]
    public async Task GrainWrite_AfterSomeoneElseWrote_ThrowsInconsistentStateAndStoredStateIsUnchanged()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>("contended");
        await grain.Increment("mine");
        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var grainId = new GrainId("stateful", "contended");
        var current = await storage.ReadAsync(grainId, "counter", CancellationToken.None);

        // Another activation (say, on a silo that briefly believed it owned the grain) wrote first.
        await storage.WriteAsync(grainId, "counter", "{\"value\":42,\"items\":[\"theirs\"]}"u8.ToArray(), current!.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment("stale"));
        var stored = await storage.ReadAsync(grainId, "counter", CancellationToken.None);
        Assert.Equal("{\"value\":42,\"items\":[\"theirs\"]}", System.Text.Encoding.UTF8.GetString(stored!.Payload.Span));
    }

    [Fact]
    public async Task ClearState_RemovesRecord()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IStatefulGrain>("cleared");
        await grain.Increment("x");

        await grain.Clear();

        var view = await grain.Get();
        Assert.False(view.RecordExists);
        Assert.Equal(0, view.Value);
        Assert.Null(await host.Services.GetRequiredKeyedService<IGrainStorage>("Default").ReadAsync(new GrainId("stateful", "cleared"), "counter", CancellationToken.None));
    }
}
