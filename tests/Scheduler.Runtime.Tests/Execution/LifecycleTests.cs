using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Execution;

public sealed class LifecycleTests
{
    [Fact]
    public async Task IdleActivation_AfterIdleTimeoutOnFakeClock_IsDeactivatedAndReactivatedOnNextCall()
    {
        var (host, probe) = await TestSilos.StartAsync(silo => silo.Configure(o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(10);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        }));
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("idle");
        await grain.Add(1);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(probe.Deactivations.ContainsKey("idle"));
        await grain.Add(1); // activity resets the idle clock
        host.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.False(probe.Deactivations.ContainsKey("idle"));
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await TestSiloHost.WaitUntilAsync(() => probe.Deactivations.GetValueOrDefault("idle") == 1);

        Assert.Equal(1, await grain.Add(1)); // in-memory total restarted: a new activation
        Assert.Equal(2, probe.Activations["idle"]);
    }

    [Fact]
    public async Task DeactivateOnIdle_AfterTheRequest_NextCallGetsNewActivation()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("asked");
        await grain.Add(3);

        await grain.DeactivateSoon();
        await TestSiloHost.WaitUntilAsync(() => probe.Deactivations.GetValueOrDefault("asked") == 1);

        Assert.Equal(2, await grain.Add(2));
        Assert.Contains("deactivated:asked:ApplicationRequested", probe.Events);
    }

    [Fact]
    public async Task GrainTimer_TicksOnlyWhenFakeClockAdvances()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ITimerGrain>("ticker");
        await grain.Start(TimeSpan.FromSeconds(10));

        var started = host.Time.GetUtcNow();
        await Task.Delay(50);
        Assert.Equal(0, await grain.Ticks());

        await AdvanceUntilAsync(host, TimeSpan.FromSeconds(1), () => probe.Events.Contains("tick:3"));

        Assert.True(host.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(30));
        Assert.Equal(3, await grain.Ticks());
    }

    [Fact]
    public async Task GrainTimer_DiesWithItsActivation()
    {
        var (host, probe) = await TestSilos.StartAsync(silo => silo.Configure(o => o.IdleTimeout = TimeSpan.FromSeconds(150)));
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ITimerGrain>("mortal");
        await grain.Start(TimeSpan.FromSeconds(30));
        var started = host.Time.GetUtcNow();

        // Ticks are not activity: the activation is collected once idle for 150 s although its timer keeps ticking.
        await AdvanceUntilAsync(host, TimeSpan.FromSeconds(10), () => host.Silo.ActivationCount == 0);

        Assert.Contains("tick:2", probe.Events);
        Assert.True(host.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(150));
        var ticksBefore = probe.Events.Count(e => e.StartsWith("tick:", StringComparison.Ordinal));
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(50);
        Assert.Equal(ticksBefore, probe.Events.Count(e => e.StartsWith("tick:", StringComparison.Ordinal)));
        Assert.Equal(0, await grain.Ticks());
    }

    private static async Task AdvanceUntilAsync(TestSiloHost host, TimeSpan step, Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            host.Time.Advance(step);
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached within 200 steps of the fake clock");
    }
}
