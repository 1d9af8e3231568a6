namespace Scheduler.Grains.Tests.Calendars;

/// <summary>What the calendar account does alike for every provider; each provider's class runs these against its own silo.</summary>
public abstract class ProviderAccountTests
{
    private protected static readonly DateTimeOffset T0 = GrainTestCluster.Start;
    private protected static readonly TimeRange Week = new(T0, T0.AddDays(7));

    [Fact]
    public async Task Push_NewEvent_ParticipantBusyShowsItWithoutAFullSync()
    {
        await using var silo = await StartSiloAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        Assert.Empty((await participant.GetBusy(Week)).Intervals);
        var synced = await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);

        await silo.AddEventAsync("new", T0.AddDays(1).AddHours(1), T0.AddDays(1).AddHours(2));

        // The fake clock stands still, so no poll runs: only the push can bring the event in. How fast it shows is
        // measured by the calendar benchmark (docs/PERFORMANCE.md, "Calendar push notifications"), not asserted here.
        var busy = await TestSiloHost.WaitForAsync(() => participant.GetBusy(Week), b => b.Intervals.Count > 0);
        Assert.Single(busy.Intervals);
        Assert.Equal(silo.PushAccepted, silo.LastPushStatus);
        Assert.Equal(synced.FullSyncs, (await silo.AccountGrain.GetView()).FullSyncs);
    }

    /// <summary>Starts the provider's silo, watching calendars for changes.</summary>
    private protected abstract Task<ProviderSilo> StartSiloAsync();
}
