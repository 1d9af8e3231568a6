using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains;
using Scheduler.Grains.Participants;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Storage;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>
/// A forced view split: silo A keeps (frozen) the view in which it is alone, silo B joins with the
/// real view, and both own, and activate, the same participant. Grain state is in DynamoDB
/// (dynalite), bookings go through the product's hold/confirm path. The stale activation's write
/// fails on its ETag, the failed activation is discarded, and once the views agree the stored state
/// holds exactly the bookings callers were told succeeded.
/// </summary>
public sealed class ForcedViewSplitTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    private const string StateName = "participant";

    private readonly string _serviceId = $"split-{Guid.NewGuid():N}";

    [Fact]
    public async Task BothSilosActivateOneParticipant_TheStaleWriteFailsOnItsETag_AndNoBookingIsLostOrDuplicated()
    {
        await using var cluster = await StartSplitAsync();
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var key = Enumerable.Range(0, 200).Select(i => $"acme/interviewer-{Guid.NewGuid():N}").First(k => b.Placement.OwnerOf(new GrainId("participant", k)) == b.Address);
        var grainId = new GrainId("participant", key);

        // A creates the participant: its activation holds the ETag of that write.
        await a.GrainFactory.GetGrain<IParticipantGrain>(key).UpsertProfile(Profile());
        Assert.Equal(a.Address, a.Placement.OwnerOf(grainId));
        Assert.Equal(b.Address, b.Placement.OwnerOf(grainId));
        var viaA = a.GrainFactory.GetGrain<IParticipantGrain>(key);
        var viaB = b.GrainFactory.GetGrain<IParticipantGrain>(key);
        Assert.Equal(1, ActivationsOn(a));

        var slotX = Slot(0);
        var slotY = Slot(2);
        var succeeded = new List<string>();
        var failed = new List<string>();

        // B activates the participant too (reading the same ETag) and books X: its write succeeds.
        await BookAsync(viaB, "acme/r1", slotX, succeeded, failed);
        Assert.Equal(1, ActivationsOn(b));

        // A's activation never saw r1: X looks free to it, but its write carries the old ETag.
        var stale = await Assert.ThrowsAsync<InconsistentStateException>(() => viaA.TryHold(Hold("acme/r2", slotX)));
        failed.Add("acme/r2");
        Assert.NotEqual(stale.StoredETag, stale.CurrentETag);

        // The failed activation is discarded, still during the split...
        await TestSiloHost.WaitUntilAsync(() => ActivationsOn(a) == 0, TimeSpan.FromSeconds(10));

        // ...so A's next call activates afresh from storage, sees r1 and refuses X; Y is free and booked.
        var refused = await viaA.TryHold(Hold("acme/r2", slotX));
        Assert.False(refused.Granted);
        Assert.Equal(HoldRefusal.TakenByOtherRequest, refused.Refusal);
        await BookAsync(viaA, "acme/r3", slotY, succeeded, failed);

        // Now B's activation is the stale one: it thinks Y is free, and its write fails in turn.
        await Assert.ThrowsAsync<InconsistentStateException>(() => viaB.TryHold(Hold("acme/r4", slotY)));
        failed.Add("acme/r4");
        await TestSiloHost.WaitUntilAsync(() => ActivationsOn(b) == 0, TimeSpan.FromSeconds(10));

        // The views agree again.
        a.Services.GetRequiredService<FreezableMembershipView>().Thaw();
        await cluster.WaitForLivenessAsync();
        Assert.Equal(b.Address, a.Placement.OwnerOf(grainId));
        await TestSiloHost.WaitUntilAsync(() => ActivationsOn(a) == 0, TimeSpan.FromSeconds(10));

        // The store itself (not the grain) holds every booking a caller was told succeeded, once, and none that failed.
        var stored = await ReadStoredAsync(grainId);
        Assert.Equal(["acme/r1", "acme/r3"], succeeded);
        Assert.Equal(succeeded.Order(StringComparer.Ordinal), stored.Bookings.Select(x => x.RequestId).Order(StringComparer.Ordinal));
        Assert.Equal([slotX], stored.Bookings.Single(x => x.RequestId == "acme/r1").Intervals);
        Assert.Equal([slotY], stored.Bookings.Single(x => x.RequestId == "acme/r3").Intervals);
        Assert.DoesNotContain(stored.Holds, h => failed.Contains(h.RequestId));
        var intervals = stored.Bookings.SelectMany(x => x.Intervals).ToList();
        for (var i = 0; i < intervals.Count; i++)
        {
            for (var j = i + 1; j < intervals.Count; j++)
            {
                Assert.False(intervals[i].Overlaps(intervals[j]), $"{intervals[i]} overlaps {intervals[j]}");
            }
        }

        // Through either silo the single owner now answers the same.
        Assert.Equal(["acme/r1", "acme/r3"], (await viaA.ListBookings()).Select(x => x.RequestId));
        Assert.Equal(["acme/r1", "acme/r3"], (await viaB.ListBookings()).Select(x => x.RequestId));
    }

    [Fact]
    public async Task ConcurrentBookingsThroughBothSilos_DuringTheSplit_StoreExactlyTheGrantedOnes()
    {
        await using var cluster = await StartSplitAsync();
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);
        var key = Enumerable.Range(0, 200).Select(i => $"acme/panel-{Guid.NewGuid():N}").First(k => b.Placement.OwnerOf(new GrainId("participant", k)) == b.Address);
        var grainId = new GrainId("participant", key);
        var viaA = a.GrainFactory.GetGrain<IParticipantGrain>(key);
        var viaB = b.GrainFactory.GetGrain<IParticipantGrain>(key);
        await viaA.UpsertProfile(Profile());

        // Both silos hold an activation that has read the same ETag before the burst.
        Assert.Empty(await viaA.ListBookings());
        Assert.Empty(await viaB.ListBookings());
        Assert.Equal(1, ActivationsOn(a));
        Assert.Equal(1, ActivationsOn(b));

        // Eight slots, each wanted by one request through A and one through B, all at once.
        var attempts = Enumerable.Range(0, 16).Select(i => (RequestId: $"acme/c{i}", Slot: Slot(i / 2), Via: i % 2 == 0 ? viaA : viaB)).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(t => BookWithRetriesAsync(t.Via, t.RequestId, t.Slot)));

        a.Services.GetRequiredService<FreezableMembershipView>().Thaw();
        await cluster.WaitForLivenessAsync();

        var granted = attempts.Zip(outcomes).Where(x => x.Second.Booked).Select(x => x.First).ToList();
        Assert.True(outcomes.Sum(o => o.Conflicts) > 0, "the split produced no ETag conflict");
        Assert.Equal(8, granted.Count); // every slot is booked by exactly one of its two requests
        Assert.Equal(8, granted.Select(g => g.Slot).Distinct().Count());

        var stored = await ReadStoredAsync(grainId);
        Assert.Equal(granted.Select(g => g.RequestId).Order(StringComparer.Ordinal), stored.Bookings.Select(x => x.RequestId).Order(StringComparer.Ordinal));
        foreach (var booking in stored.Bookings)
        {
            Assert.Equal([granted.Single(g => g.RequestId == booking.RequestId).Slot], booking.Intervals);
        }

        var intervals = stored.Bookings.SelectMany(x => x.Intervals).ToList();
        Assert.All(intervals, i => Assert.Single(intervals, j => j.Overlaps(i)));
    }

    /// <summary>Starts silo A, freezes its view (A alone owns every grain), then starts B, which sees both silos.</summary>
    private async Task<TestCluster> StartSplitAsync()
    {
        var cluster = await TestCluster.StartAsync(
            1,
            silo =>
            {
                silo.AddSchedulerGrains();
                silo.Services.AddKeyedSingleton<IGrainStorage>(PersistentStateAttribute.DefaultStorageName, (_, _) => NewStorage());
            },
            FreezableMembershipView.Install);
        cluster.Silos[0].Services.GetRequiredService<FreezableMembershipView>().Freeze();
        var b = await cluster.StartSiloAsync(waitForLiveness: false);
        await TestSiloHost.WaitUntilAsync(() => b.Status == SiloStatus.Active && b.View.ActiveSilos.Count == 2, TimeSpan.FromSeconds(20));
        Assert.Single(cluster.Silos[0].View.ActiveSilos);
        return cluster;
    }

    private static int ActivationsOn(TestClusterSilo silo) => silo.Services.GetRequiredService<SiloHost>().ActivationCount;

    /// <summary>Holds then confirms, retrying (as a request grain would) when a write fails on its ETag.</summary>
    private static async Task<(bool Booked, int Conflicts)> BookWithRetriesAsync(IParticipantGrain participant, string requestId, TimeRange slot)
    {
        var conflicts = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            try
            {
                var hold = await participant.TryHold(Hold(requestId, slot));
                if (!hold.Granted)
                {
                    return (false, conflicts);
                }

                var confirmed = await participant.ConfirmHold(Hold(requestId, slot));
                return (confirmed.Granted, conflicts);
            }
            catch (InconsistentStateException)
            {
                conflicts++;
            }
        }

        throw new InvalidOperationException($"{requestId} met an ETag conflict 20 times.");
    }

    private static async Task BookAsync(IParticipantGrain participant, string requestId, TimeRange slot, List<string> succeeded, List<string> failed)
    {
        var hold = await participant.TryHold(Hold(requestId, slot));
        var booked = hold.Granted && (await participant.ConfirmHold(Hold(requestId, slot))).Granted;
        (booked ? succeeded : failed).Add(requestId);
        Assert.True(booked, $"{requestId} was refused: {hold.Refusal} {hold.Message}");
    }

    private static HoldRequest Hold(string requestId, TimeRange slot) => new(requestId, [slot], TimeSpan.FromMinutes(5), CountsTowardCaps: true);

    /// <summary>A one-hour slot at 10:00 UTC, <paramref name="workingDaysAfterFirst"/> working days (Mon–Fri) after the first Tuesday at least two days ahead.</summary>
    private static TimeRange Slot(int workingDaysAfterFirst)
    {
        var day = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }

        for (var i = 0; i < workingDaysAfterFirst; i++)
        {
            do
            {
                day = day.AddDays(1);
            }
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        }

        var start = new DateTimeOffset(day.AddHours(10), TimeSpan.Zero);
        return new TimeRange(start, start.AddHours(1));
    }

    private static ParticipantProfile Profile() =>
        new("Split Interviewer", "split@example.com", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "17:00")]);

    private DynamoDbGrainStorage NewStorage() => new(dynalite.Client, DynaliteFixture.GrainStateTable, _serviceId, TimeProvider.System);

    private async Task<ParticipantState> ReadStoredAsync(GrainId grainId)
    {
        var record = await NewStorage().ReadAsync(grainId, StateName, CancellationToken.None);
        Assert.NotNull(record);
        return JsonSerializer.Deserialize<ParticipantState>(record.Payload.Span, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
