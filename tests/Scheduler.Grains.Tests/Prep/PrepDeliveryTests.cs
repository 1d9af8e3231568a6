using NodaTime;
using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Prep;
using Scheduler.Grains.Tests.Calendars;
using Scheduler.Grains.Tests.Notifications;
using Scheduler.ICalendar;
using static Scheduler.Grains.Tests.Prep.PrepPlanGrainTests;

namespace Scheduler.Grains.Tests.Prep;

/// <summary>"Add to calendar": the candidate's CalDAV calendar on a real Radicale, or an emailed <c>.ics</c> through a real SMTP server.</summary>
public sealed class PrepDeliveryTests
{
    /// <summary>Four hours a day in two blocks (09:00–11:00, 11:15–13:15), leaving the afternoons for interviews.</summary>
    private static readonly PrepSpec FourHoursADay = new(40) { DailyCapMinutes = 240, MinBlockMinutes = 60, MaxBlockMinutes = 120, RestHoursBeforeInterview = 12, AddToCalendar = true };

    [Fact]
    public async Task AddToCalendar_CalDavCalendar_WritesTheBlocks_KeepsOwnBlocksOnReplan_MovesThemAndRemovesThemOnCancel()
    {
        await using var server = await RadicaleServer.StartAsync();
        using var services = new CalendarServices();
        var calendar = new CalDavCalendar(server.CalendarUrl("cand", "personal"), "cand", "any");
        Assert.True(await services.CalDavClient.CreateCalendarAsync(calendar, "Personal", CancellationToken.None));
        await using var host = await CalendarSilo.StartAsync();
        var grains = host.GrainFactory;
        // The candidate works 09:00–17:00 in New York (the clock starts at 04:00 there); the interviewer until 23:00 UTC.
        await grains.Participant("ivy").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with
        {
            WorkingHours = [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "23:00")],
        });
        await grains.Participant("cand").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate, "America/New_York") with
        {
            Calendars = [new CalendarSpec("caldav") { Url = calendar.Url.AbsoluteUri, Username = "cand", Password = "any" }],
        });
        var request = await BookAsync(grains, "r-cal", new TimeRange(At(2026, 1, 19), At(2026, 1, 24)));

        var first = (await request.PlanPrep(FourHoursADay)).Plan!;

        Assert.Equal(PrepDelivery.Calendar, first.Delivery);
        Assert.Equal(2400, first.PlannedMinutes);
        Assert.Equal(20, first.Blocks.Count);
        Assert.Equal(first.Blocks, await WaitForServerAsync(services, calendar, blocks => blocks.Count == 20));

        // The calendar is read again (its poll interval passed) and now shows the plan's own events as busy: a re-plan keeps them.
        host.Time.Advance(CalendarServices.PollInterval + TimeSpan.FromMinutes(1));
        await TestSiloHost.WaitUntilAsync(async () =>
            (await grains.Participant("cand").GetBusy(new TimeRange(At(2026, 1, 5), At(2026, 1, 6)))).Intervals.Any(i => i.Source == BusySourceKind.Calendar));
        var again = (await request.PlanPrep(FourHoursADay)).Plan!;
        Assert.Equal(first.Blocks, again.Blocks);

        // Moved to Wednesday of the second week: the plan keeps the seven days before it, short of the rest.
        Assert.True((await request.Reschedule(new RescheduleSpec(new TimeRange(At(2026, 1, 14), At(2026, 1, 15))))).Applied);
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start < At(2026, 1, 15));
        var prep = grains.GetGrain<IPrepPlanGrain>(GrainTestCluster.RequestKey("r-cal"));
        var replanned = await WaitForPlanAsync(prep, p => p?.Interview.Slot.Start == moved.Booking!.Stages[0].Start);
        Assert.Equal(first.Blocks.Take(14), replanned!.Blocks);
        Assert.Equal((1680, 720), (replanned.PlannedMinutes, replanned.ShortfallMinutes));
        Assert.Equal(replanned.Blocks, await WaitForServerAsync(services, calendar, blocks => blocks.Count == 14));

        Assert.True((await request.Cancel("withdrawn")).Applied);
        await WaitForServerAsync(services, calendar, blocks => blocks.Count == 0);
        await TestSiloHost.WaitUntilAsync(async () => !(await request.HasQueuedWork()));
        Assert.Null(await prep.Get());
        Assert.Equal(0, await grains.GetGrain<ICalDavWriterGrain>(GrainKeys.For(GrainTestCluster.Tenant, "cand")).PendingCount());
    }

    [Fact]
    public async Task AddToCalendar_NoCalendar_EmailsTheBlocksOnce_AndWithdrawsThemOnCancel()
    {
        const string candidateMail = "ada@candidates.example";
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var grains = host.Grains;
        await grains.Participant("ivy").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with { Email = "ivy@acme.example" });
        await grains.Participant("cand").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate, "Europe/Berlin") with { DisplayName = "Ada", Email = candidateMail });
        var request = await BookAsync(grains, "r-mail", new TimeRange(At(2026, 1, 19), At(2026, 1, 24)));
        await smtp.WaitForMessagesAsync(2); // booked: candidate and interviewer

        var plan = (await request.PlanPrep(FourHoursADay)).Plan!;
        var repeated = (await request.PlanPrep(FourHoursADay)).Plan!;

        Assert.Equal(PrepDelivery.Email, plan.Delivery);
        Assert.Contains(candidateMail, plan.DeliveryNote, StringComparison.Ordinal);
        Assert.Equal(plan.Blocks, repeated.Blocks);
        var mail = (await smtp.WaitForMessagesAsync(3)).Single(m => m.Subject.StartsWith("Prep plan:", StringComparison.Ordinal));
        Assert.Equal([candidateMail], mail.RcptTos);
        Assert.Equal("PUBLISH", mail.Part("text/calendar").Params["method"]);
        Assert.Contains(mail.Parts, p => p.Filename == "prep-plan.ics");
        var sent = VCalendar.Parse(mail.Part("text/calendar").Content);
        Assert.Equal("PUBLISH", sent.Method);
        Assert.Equal(plan.Blocks, sent.GetBusyIntervals(Instant.MinValue, Instant.MaxValue, DateTimeZone.Utc).Select(o => new TimeRange(o.Start.ToDateTimeOffset(), o.End.ToDateTimeOffset())));
        Assert.All(sent.Events, e => Assert.Equal(0, e.Sequence));
        Assert.Equal(sent.Events.Count, sent.Events.Select(e => e.Uid).Distinct().Count());
        Assert.Contains("Mon 5 Jan 2026, 10:00–12:00 CET (your time)", mail.Part("text/plain").Content, StringComparison.Ordinal);

        // Exactly once: the repeated plan changed nothing, so the outbox holds one prep email and sending again sends nothing more.
        var outbox = grains.GetGrain<INotificationOutboxGrain>(GrainTestCluster.RequestKey("r-mail"));
        Assert.Equal(0, await outbox.DeliverDue());
        Assert.Single(await outbox.GetHistory(), n => n.Kind == NotificationKind.PrepPlan);
        Assert.Single(smtp.Messages(), m => m.Subject.StartsWith("Prep plan:", StringComparison.Ordinal));

        Assert.True((await request.Cancel("The position was filled.")).Applied);
        var mails = await smtp.WaitForMessagesAsync(6); // cancelled: candidate and interviewer; prep withdrawn: candidate
        var withdrawn = mails.Single(m => m.Subject.StartsWith("Prep plan withdrawn:", StringComparison.Ordinal));
        var cancelled = VCalendar.Parse(withdrawn.Part("text/calendar").Content);
        Assert.Equal(sent.Events.Select(e => e.Uid), cancelled.Events.Select(e => e.Uid));
        Assert.All(cancelled.Events, e => Assert.Equal((ICalendar.Events.EventStatus.Cancelled, 1), (e.Status, e.Sequence)));
        Assert.Contains("The interview was cancelled.", withdrawn.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Null(await grains.GetGrain<IPrepPlanGrain>(GrainTestCluster.RequestKey("r-mail")).Get());
        Assert.Single(smtp.Messages(), m => m.Subject.StartsWith("Prep plan:", StringComparison.Ordinal));
    }

    /// <summary>Polls the server (real time, at most 20 s) until <paramref name="done"/> holds for the prep events on it; returns their times in start order.</summary>
    private static async Task<IReadOnlyList<TimeRange>> WaitForServerAsync(CalendarServices services, CalDavCalendar calendar, Func<IReadOnlyList<TimeRange>, bool> done)
    {
        return await TestSiloHost.WaitForAsync<IReadOnlyList<TimeRange>>(
            async () =>
            {
                var resources = await services.CalDavClient.QueryEventsAsync(calendar, At(2026, 1, 1), At(2026, 2, 1), CancellationToken.None);
                return [.. resources
                    .SelectMany(r => VCalendar.Parse(r.CalendarData).GetOccurrences(Instant.MinValue, Instant.MaxValue, DateTimeZone.Utc))
                    .Where(o => o.IsBusy)
                    .Select(o => new TimeRange(o.Start.ToDateTimeOffset(), o.End.ToDateTimeOffset()))
                    .OrderBy(b => b.Start)];
            },
            done,
            TimeSpan.FromSeconds(20));
    }
}
