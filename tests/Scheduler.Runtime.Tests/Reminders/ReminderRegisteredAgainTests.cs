using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests.Reminders;

/// <summary>
/// A one-shot reminder whose row was written again behind the serving silo's back (as a write on
/// another silo whose notice was lost): the old schedule's tick is delivered (at-least-once), its
/// conditional removal fails on the ETag, and the stored registration is scheduled instead of lost.
/// </summary>
public sealed class ReminderRegisteredAgainTests
{
    [Fact]
    public async Task OneShot_RegisteredAgainInTheTable_FiresAgainAtTheNewDueTime()
    {
        var (host, probe) = await TestSilos.StartAsync();
        await using var _ = host;
        var start = host.Time.GetUtcNow();
        var grainId = new GrainId("reminder", "rewritten");
        await host.GrainFactory.GetGrain<IReminderGrain>("rewritten").Register("once", TimeSpan.FromMinutes(1), TimeSpan.Zero);

        // The row is replaced directly in the table; this silo still has the first registration scheduled.
        var table = host.Services.GetRequiredService<IReminderTable>();
        var newDue = start.AddMinutes(3);
        await table.UpsertAsync(new ReminderEntry(grainId, "once", newDue, TimeSpan.Zero, newDue, null), CancellationToken.None);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await TestSiloHost.WaitUntilAsync(() => probe.Events.Contains($"reminder:rewritten:once:{start.AddMinutes(1):O}"));
        var stored = await table.ReadAsync(grainId, "once", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(newDue, stored.NextDue);

        await Task.Delay(50);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await TestSiloHost.WaitUntilAsync(() => probe.Events.Contains($"reminder:rewritten:once:{newDue:O}"));
        await TestSiloHost.WaitUntilAsync(() => table.ReadAsync(grainId, "once", CancellationToken.None).GetAwaiter().GetResult() is null);
        Assert.Equal(2, probe.Events.Count(e => e.StartsWith("reminder:rewritten:", StringComparison.Ordinal)));
    }
}
