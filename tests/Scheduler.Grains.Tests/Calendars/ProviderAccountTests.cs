namespace Scheduler.Grains.Tests.Calendars;

/// <summary>What the calendar account does alike for every provider; each provider's class runs these against its own silo.</summary>
public abstract class ProviderAccountTests
{
    private protected static readonly DateTimeOffset T0 = GrainTestCluster.Start;
    private protected static readonly TimeRange Week = new(T0, T0.AddDays(7));

    [Fact]
    public async Task Push_NewEvent_ParticipantBusyShowsItWithinOneSecond()
    {
        await using var silo = await StartSiloAsync();
        var participant = await silo.ConnectInterviewerAsync("i1");
        Assert.Empty((await participant.GetBusy(Week)).Intervals);
        await silo.WaitForViewAsync(v => v.SyncedCalendars.Count == 1);

        var pushed = TimeProvider.System.GetTimestamp();
        await silo.AddEventAsync("new", T0.AddDays(1).AddHours(1), T0.AddDays(1).AddHours(2));
        BusyView busy;
        while (true)
        {
            // A fresh busy cache answers synchronously: without yielding, this loop would hold a pool thread and starve the silo's own work.
            busy = await participant.GetBusy(Week);
            if (busy.Intervals.Count > 0 || TimeProvider.System.GetElapsedTime(pushed) >= TimeSpan.FromSeconds(1))
            {
                break;
            }

            await Task.Delay(1);
        }

        Assert.Single(busy.Intervals);
        Assert.True(TimeProvider.System.GetElapsedTime(pushed) < TimeSpan.FromSeconds(1));
        Assert.Equal(silo.PushAccepted, silo.LastPushStatus);
    }

    /// <summary>Starts the provider's silo, watching calendars for changes.</summary>
    private protected abstract Task<ProviderSilo> StartSiloAsync();
}
