using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Reminders;

public sealed class ReminderDeliveryTests
{
    [Fact]
    public async Task Reminder_RegisteredBeforeStop_FiresAfterRestartOnSameSqliteFile()
    {
        using var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "silo.db");
        var start = new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero);

        var (first, firstProbe) = await TestSilos.StartAsync(silo => silo.UseSqlite(database), new FakeTimeProvider(start));
        await first.GrainFactory.GetGrain<IReminderGrain>("interview-1").Register("reminder-2h", TimeSpan.FromHours(1), TimeSpan.Zero);
        await first.DisposeAsync();
        Assert.DoesNotContain(firstProbe.Events, e => e.StartsWith("reminder:", StringComparison.Ordinal));

        // The silo was down when the reminder came due; the next silo starts three hours later.
        var (second, probe) = await TestSilos.StartAsync(silo => silo.UseSqlite(database), new FakeTimeProvider(start.AddHours(3)));
        await using var _ = second;

        await TestSiloHost.WaitUntilAsync(() => probe.Events.Any(e => e.StartsWith("reminder:interview-1:reminder-2h:", StringComparison.Ordinal)));
        Assert.Contains($"reminder:interview-1:reminder-2h:{start.AddHours(1):O}", probe.Events);
        await TestSiloHost.WaitUntilAsync(() => !second.GrainFactory.GetGrain<IReminderGrain>("interview-1").Names().GetAwaiter().GetResult().Any());
    }

    [Fact]
    public async Task PeriodicReminder_FiresOnEachPeriodOfTheFakeClock()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var start = host.Time.GetUtcNow();
        await host.GrainFactory.GetGrain<IReminderGrain>("periodic").Register("poll", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await TestSiloHost.WaitUntilAsync(() => probe.Events.Contains($"reminder:periodic:poll:{start.AddMinutes(1):O}"));
        await Task.Delay(50);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await TestSiloHost.WaitUntilAsync(() => probe.Events.Contains($"reminder:periodic:poll:{start.AddMinutes(6):O}"));

        Assert.Equal(2, probe.Events.Count(e => e.StartsWith("reminder:periodic:poll:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reminder_WhoseHandlerFails_IsRetriedUntilDelivered()
    {
        var probe = new Probe();
        probe.Gate("fail-reminder");
        var (host, _) = await TestSilos.StartAsync(probe: probe);
        await using var _ = host;
        await host.GrainFactory.GetGrain<IReminderGrain>("flaky").Register("once", TimeSpan.FromMinutes(1), TimeSpan.Zero);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await TestSiloHost.WaitUntilAsync(() => probe.Events.Count(e => e.StartsWith("reminder:flaky", StringComparison.Ordinal)) == 1);
        await Task.Delay(50);
        probe.Gate("fail-reminder").SetResult();
        host.Time.Advance(TimeSpan.FromSeconds(1));

        await TestSiloHost.WaitUntilAsync(() => probe.Events.Count(e => e.StartsWith("reminder:flaky", StringComparison.Ordinal)) == 2);
        await TestSiloHost.WaitUntilAsync(() => host.GrainFactory.GetGrain<IReminderGrain>("flaky").Names().GetAwaiter().GetResult().Count == 0);
    }

    [Fact]
    public async Task UnregisteredReminder_NeverFires()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var grain = host.GrainFactory.GetGrain<IReminderGrain>("cancelled");
        await grain.Register("reminder-24h", TimeSpan.FromHours(1), TimeSpan.Zero);
        Assert.Equal(["reminder-24h"], await grain.Names());

        await grain.Unregister("reminder-24h");
        host.Time.Advance(TimeSpan.FromHours(2));
        await Task.Delay(100);

        Assert.DoesNotContain(probe.Events, e => e.StartsWith("reminder:cancelled", StringComparison.Ordinal));
        Assert.Empty(await grain.Names());
    }
}
