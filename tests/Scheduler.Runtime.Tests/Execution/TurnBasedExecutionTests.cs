using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Execution;

public sealed class TurnBasedExecutionTests
{
    [Fact]
    public async Task NonReentrantGrain_ThousandConcurrentCalls_NeverTwoInside()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("turns");

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => grain.EnterAndLeave())));

        Assert.All(results, inside => Assert.Equal(1, inside));
        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task ReentrantGrain_ConcurrentCalls_InterleaveButNeverRunOnTwoThreads()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IReentrantGrain>("interleaving");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => grain.EnterAndLeave())));

        Assert.True(await grain.MaxConcurrency() > 1, "a [Reentrant] grain should have interleaved requests");
    }

    [Fact]
    public async Task AlwaysInterleaveMethod_WhileTurnIsBlocked_StillAnswers()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("interleave-method");

        var blocked = grain.WaitForGate("hold");
        var add = grain.Add(1).AsTask();
        var ping = await grain.Ping();

        Assert.Equal("pong", ping);
        Assert.False(blocked.IsCompleted);
        Assert.False(add.IsCompleted, "a normal request must wait for the running turn");
        probe.Gate("hold").SetResult();
        await blocked;
        Assert.Equal(1, await add);
    }

    [Fact]
    public async Task Requests_QueuedBehindATurn_RunInArrivalOrder()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("order");

        var blocked = grain.WaitForGate("order-gate");
        var adds = Enumerable.Range(1, 50).Select(i => grain.Add(i).AsTask()).ToArray();
        probe.Gate("order-gate").SetResult();
        await blocked;
        var totals = await Task.WhenAll(adds);

        var expected = Enumerable.Range(1, 50).Select(i => i * (i + 1) / 2).ToArray();
        Assert.Equal(expected, totals);
    }

    [Fact]
    public async Task ThousandConcurrentFirstCalls_CreateExactlyOneActivation()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;

        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => host.GrainFactory.GetGrain<ICounterGrain>("first-calls").Add(1).AsTask()));
        var totals = await Task.WhenAll(calls);

        Assert.Equal(1, probe.Activations["first-calls"]);
        Assert.Equal(Enumerable.Range(1, 1000), totals.Order());
    }

    [Fact]
    public async Task InlineCallsThatAwait_ManyInARow_EveryTurnEnds()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("yielding");

        // Each call starts inline and completes on the grain's context on another thread: the turn must
        // end exactly once whichever thread sees the completion first, or the next call would wait forever.
        for (var i = 1; i <= 5000; i++)
        {
            Assert.Equal(i, await grain.YieldOnce().WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal("pong", await grain.Ping().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task GrainException_ReachesCaller_WithTypeAndMessage()
    {
        var (host, _) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("faulty");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => grain.Fail("bad value"));

        Assert.StartsWith("bad value", exception.Message);
        Assert.Equal("value", exception.ParamName);
        Assert.Equal(5, await grain.Add(5));
    }

    [Fact]
    public async Task CallCycleBetweenNonReentrantGrains_FailsWithTimeout()
    {
        var (host, _) = await TestSilos.StartAsync(silo => silo.Configure(o => o.CallTimeout = TimeSpan.FromSeconds(5)));
        await using var _ = host;
        var a = host.GrainFactory.GetGrain<ICycleGrain>("a");

        // a -> b -> a: a is busy waiting for b, so b's call to a can never start.
        var cycle = a.CallPeer("b", 2);
        await Task.Delay(100);
        Assert.False(cycle.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(6));

        await Assert.ThrowsAsync<TimeoutException>(() => cycle.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task OneWayCall_ReturnsBeforeTheGrainRuns()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("one-way");

        var blocked = grain.WaitForGate("one-way-gate");
        var notify = grain.Notify("hello");

        Assert.True(notify.IsCompletedSuccessfully);
        Assert.DoesNotContain("notified:hello", probe.Events);
        probe.Gate("one-way-gate").SetResult();
        await blocked;
        await Testing.TestSiloHost.WaitUntilAsync(() => probe.Events.Contains("notified:hello"));
    }

    [Fact]
    public async Task GracefulStop_LetsRunningTurnFinish()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<ICounterGrain>("draining");
        var running = grain.WaitForGate("drain");

        // The grain creates the gate inside its turn: wait for that, not for a fixed time, so a slow machine cannot stop the silo first.
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!probe.Gates.ContainsKey("drain") && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(probe.Gates.ContainsKey("drain"), "the turn never started");
        var stopping = host.StopAsync();
        await Task.Delay(100);
        Assert.False(stopping.IsCompleted, "stop must wait for the running turn");
        probe.Gate("drain").SetResult();
        await running;
        await stopping;

        Assert.Contains("deactivated:draining:ShuttingDown", probe.Events);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => host.GrainFactory.GetGrain<ICounterGrain>("after-stop").Ping());
    }
}
