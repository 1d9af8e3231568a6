namespace Scheduler.Grains.Tests;

public sealed class ParticipantGrainTests
{
    private static readonly DateTimeOffset Tuesday10 = new(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);

    private static HoldRequest Hold(string requestId, DateTimeOffset start, int minutes = 60, bool caps = true) =>
        new(GrainTestCluster.RequestKey(requestId), [new TimeRange(start, start.AddMinutes(minutes))], TimeSpan.FromMinutes(2), caps);

    /// <summary>Starts a cluster with the interviewer i1 (<see cref="GrainTestCluster.Profile"/> with the given buffers and cap).</summary>
    private static async Task<GrainTestCluster> StartWithInterviewerAsync(int bufferMinutes = 0, int? maxPerDay = null)
    {
        var cluster = await GrainTestCluster.StartAsync();
        await cluster.AddInterviewerAsync("i1", bufferMinutes: bufferMinutes, maxPerDay: maxPerDay);
        return cluster;
    }

    [Fact]
    public async Task GetProfile_Unknown_ReturnsNull()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        Assert.Null(await cluster.Participant("nobody").GetProfile());
    }

    [Fact]
    public async Task UpsertProfile_InvalidZone_ThrowsNamingTheField()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var profile = GrainTestCluster.Profile(ParticipantKind.Interviewer, "Mars/Olympus");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Participant("i1").UpsertProfile(profile));
        Assert.Equal("timeZone", error.ParamName);
        Assert.Null(await cluster.Participant("i1").GetProfile());
    }

    [Fact]
    public async Task UpsertProfile_CalendarPassword_IsWriteOnly()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var profile = GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            Calendars = [new CalendarSpec("caldav") { Url = "https://dav.example.com/cal", Username = "u", Password = "secret" }],
        };
        await cluster.Participant("i1").UpsertProfile(profile);
        var stored = await cluster.Participant("i1").GetProfile();
        var calendar = Assert.Single(stored!.Calendars);
        Assert.Null(calendar.Password);
        Assert.True(calendar.HasPassword);
    }

    [Fact]
    public async Task TryHold_OverlappingHoldOfOtherRequest_IsRefused()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");

        var first = await participant.TryHold(Hold("r1", Tuesday10));
        var second = await participant.TryHold(Hold("r2", Tuesday10.AddMinutes(30)));

        Assert.True(first.Granted);
        Assert.False(second.Granted);
        Assert.Equal(HoldRefusal.TakenByOtherRequest, second.Refusal);
    }

    [Fact]
    public async Task TryHold_WithinBuffersOfOtherBooking_IsRefused()
    {
        await using var cluster = await StartWithInterviewerAsync(bufferMinutes: 10);
        var participant = cluster.Participant("i1");
        Assert.True((await participant.ConfirmHold(Hold("r1", Tuesday10))).Granted);

        var tooClose = await participant.TryHold(Hold("r2", Tuesday10.AddMinutes(75)));
        var farEnough = await participant.TryHold(Hold("r3", Tuesday10.AddMinutes(80)));

        Assert.Equal(HoldRefusal.TakenByOtherRequest, tooClose.Refusal);
        Assert.True(farEnough.Granted);
    }

    [Fact]
    public async Task TryHold_ExpiredHold_NoLongerBlocks()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");
        Assert.True((await participant.TryHold(Hold("r1", Tuesday10))).Granted);

        cluster.Time.Advance(TimeSpan.FromMinutes(3));
        var later = await participant.TryHold(Hold("r2", Tuesday10));

        Assert.True(later.Granted);
        var holds = await participant.ListHolds();
        Assert.Equal(GrainTestCluster.RequestKey("r2"), Assert.Single(holds).RequestId);
    }

    [Fact]
    public async Task TryHold_SameRequestTwice_IsIdempotent()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");

        var first = await participant.TryHold(Hold("r1", Tuesday10));
        var again = await participant.TryHold(Hold("r1", Tuesday10));

        Assert.True(first.Granted);
        Assert.True(again.Granted);
        Assert.Single(await participant.ListHolds());
    }

    [Fact]
    public async Task TryHold_OverlappingBlock_IsRefusedAsBusy()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");
        await participant.ReplaceBlocks([new BusyBlock(Tuesday10, Tuesday10.AddHours(2), "offsite")]);

        var outcome = await participant.TryHold(Hold("r1", Tuesday10.AddHours(1)));

        Assert.Equal(HoldRefusal.Busy, outcome.Refusal);
    }

    [Fact]
    public async Task TryHold_DailyCapReached_IsRefused()
    {
        await using var cluster = await StartWithInterviewerAsync(maxPerDay: 1);
        var participant = cluster.Participant("i1");
        Assert.True((await participant.ConfirmHold(Hold("r1", Tuesday10))).Granted);

        var outcome = await participant.TryHold(Hold("r2", Tuesday10.AddHours(3)));
        var nextDay = await participant.TryHold(Hold("r3", Tuesday10.AddDays(1)));

        Assert.Equal(HoldRefusal.DailyCap, outcome.Refusal);
        Assert.True(nextDay.Granted);
    }

    [Fact]
    public async Task ConfirmHold_AfterExpiry_BooksWhenStillFree()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");
        await participant.TryHold(Hold("r1", Tuesday10));
        cluster.Time.Advance(TimeSpan.FromMinutes(5));

        var confirmed = await participant.ConfirmHold(Hold("r1", Tuesday10));
        var again = await participant.ConfirmHold(Hold("r1", Tuesday10));

        Assert.True(confirmed.Granted);
        Assert.True(again.Granted);
        Assert.Single(await participant.ListBookings());
    }

    [Fact]
    public async Task GetBusy_ReportsBlocksHoldsAndBookingsWithSources()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");
        await participant.ReplaceBlocks([new BusyBlock(Tuesday10.AddHours(-1), Tuesday10, "focus")]);
        await participant.ConfirmHold(Hold("r1", Tuesday10));
        await participant.TryHold(Hold("r2", Tuesday10.AddHours(2)));

        var busy = await participant.GetBusy(new TimeRange(Tuesday10.AddDays(-1), Tuesday10.AddDays(1)));

        Assert.Equal([BusySourceKind.Block, BusySourceKind.Booking, BusySourceKind.Hold], busy.Intervals.Select(i => i.Source));
        Assert.False(busy.Stale);
        Assert.NotNull(busy.FetchedAt);

        await participant.CancelBooking(GrainTestCluster.RequestKey("r1"));
        var after = await participant.GetBusy(new TimeRange(Tuesday10.AddDays(-1), Tuesday10.AddDays(1)));
        Assert.DoesNotContain(after.Intervals, i => i.Source == BusySourceKind.Booking);
    }

    [Fact]
    public async Task GetAvailability_BlockedMorning_SlotsStartAfterBlock()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");
        var day = new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero);
        await participant.ReplaceBlocks([new BusyBlock(day.AddHours(9), day.AddHours(12), null)]);

        var availability = await participant.GetAvailability(new AvailabilityQuery(new TimeRange(day, day.AddDays(1)), 60, 30));

        Assert.Equal(new TimeRange(day.AddHours(12), day.AddHours(17)), Assert.Single(availability.Free));
        Assert.Equal(day.AddHours(12), availability.Slots[0].Start);
        Assert.Equal(day.AddHours(16), availability.Slots[^1].Start);
    }

    [Fact]
    public async Task GetWorkingTime_FollowsTheWallClockAcrossDst_AndOverrides()
    {
        await using var cluster = await GrainTestCluster.StartAsync();
        var profile = GrainTestCluster.Profile(ParticipantKind.Interviewer, "Europe/Berlin") with
        {
            DateOverrides = [new DateOverrideSpec("2026-03-31", [new LocalHours("13:00", "15:00")])],
        };
        await cluster.Participant("i1").UpsertProfile(profile);

        // Fri 27 March (CET, UTC+1) to Wed 1 April (CEST, UTC+2); clocks change on Sunday 29 March.
        var range = new TimeRange(new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var working = await cluster.Participant("i1").GetWorkingTime(range);

        Assert.Equal(
            [
                new TimeRange(new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.Zero)),
                new TimeRange(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 15, 0, 0, TimeSpan.Zero)),
                new TimeRange(new DateTimeOffset(2026, 3, 31, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 13, 0, 0, TimeSpan.Zero)),
            ],
            working);
        Assert.Empty(await cluster.Participant("nobody").GetWorkingTime(range));
    }

    [Fact]
    public async Task GetAvailabilityInput_LeavesOutTheAskingRequestsOwnHold()
    {
        await using var cluster = await StartWithInterviewerAsync();
        var participant = cluster.Participant("i1");
        await participant.TryHold(Hold("r1", Tuesday10));
        var window = new TimeRange(Tuesday10.AddHours(-1), Tuesday10.AddHours(7));

        var own = await participant.GetAvailabilityInput(new AvailabilityInputQuery(window, GrainTestCluster.RequestKey("r1")));
        var other = await participant.GetAvailabilityInput(new AvailabilityInputQuery(window, GrainTestCluster.RequestKey("r2")));

        Assert.Empty(own.Busy);
        Assert.Single(other.Busy);
        Assert.Single(other.BookedInterviewStarts);
    }
}
