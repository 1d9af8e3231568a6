using NodaTime;
using Scheduler.ICalendar;
using Scheduler.ICalendar.Values;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>
/// A newer announcement of an interview supersedes what is still pending for the same person: an invite or reminder
/// held back by an SMTP outage is never sent after the cancellation or the move that replaced it, and an interviewer
/// taken off the panel by a reschedule is sent the cancellation of their invite.
/// </summary>
public sealed class SupersededNoticeTests
{
    [Fact]
    public async Task Cancel_WhileTheBookingEmailsBackOff_TheyAreSkippedAndOnlyTheCancellationIsSent()
    {
        await using var smtp = await SmtpSink.CreateAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var request = await host.SubmitAutoBookAsync("req-order", "UTC");
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        var outbox = host.Outbox("req-order");
        await outbox.StepUntilAsync(host.Time, h => h.Count == 2 && h.All(r => r.Attempts >= 4));

        // SMTP is back, but the booking emails' next attempts are minutes away when the request is cancelled.
        await smtp.StartAsync();
        host.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(CommandError.None, (await request.Cancel("The position was filled.")).Error);

        var history = await outbox.StepUntilAsync(host.Time, h => h.Count == 4 && h.All(r => r.Status != NotificationStatus.Pending));
        Assert.All(history.Where(r => r.Kind == NotificationKind.Booked), r => Assert.Equal((NotificationStatus.Skipped, "Superseded by the newer Cancelled notice (sequence 1)."), (r.Status, r.LastError)));
        Assert.All(history.Where(r => r.Kind == NotificationKind.Cancelled), r => Assert.Equal(NotificationStatus.Sent, r.Status));
        Assert.All(smtp.Messages(), m => Assert.StartsWith("Cancelled:", m.Subject, StringComparison.Ordinal));
        Assert.Equal(2, smtp.Messages().Count);
    }

    [Fact]
    public async Task Cancel_WhileTheReminderEmailsBackOff_NoReminderOfTheCancelledInterviewIsSent()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var (request, start, outbox) = await BookedAndAnnouncedAsync(host, smtp, "req-stale");

        // SMTP is down around the 24 h reminder, which keeps failing.
        await smtp.StopAsync();
        host.Time.Advance(start.AddHours(-24).AddMinutes(1) - host.Time.GetUtcNow());
        await outbox.StepUntilAsync(host.Time, h => h.Count(r => r.Kind == NotificationKind.Reminder && r.Attempts >= 3) == 2);

        Assert.Equal(CommandError.None, (await request.Cancel("The position was filled.")).Error);
        await outbox.WaitForHistoryAsync(h => h.Any(r => r.Kind == NotificationKind.Cancelled));
        await smtp.StartAsync();

        var history = await outbox.StepUntilAsync(host.Time, h => h.All(r => r.Status != NotificationStatus.Pending), 90);
        Assert.All(history.Where(r => r.Kind == NotificationKind.Reminder), r => Assert.Equal(NotificationStatus.Skipped, r.Status));
        Assert.DoesNotContain(smtp.Messages(), m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.Equal(2, smtp.Messages().Count(m => m.Subject.StartsWith("Cancelled:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reminder_SmtpDownUntilTheInterviewStarted_SkippedAsLateNotSent()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var (request, start, outbox) = await BookedAndAnnouncedAsync(host, smtp, "req-late");

        await smtp.StopAsync();
        host.Time.Advance(start.AddHours(-2).AddMinutes(1) - host.Time.GetUtcNow());
        await outbox.StepUntilAsync(host.Time, h => h.Count(r => r.Kind == NotificationKind.Reminder && r.Attempts >= 1) >= 2);
        host.Time.Advance(start.AddMinutes(1) - host.Time.GetUtcNow());
        await smtp.StartAsync();

        var history = await outbox.StepUntilAsync(host.Time, h => h.All(r => r.Status != NotificationStatus.Pending));
        Assert.All(history.Where(r => r.Kind == NotificationKind.Reminder), r => Assert.Equal(NotificationStatus.Skipped, r.Status));
        Assert.Contains(history, r => r.Kind == NotificationKind.Reminder && r.LastError == "late: the interview had started.");
        Assert.DoesNotContain(smtp.Messages(), m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal));
    }

    /// <summary>Books an auto-book request of the sample candidate and interviewer and waits until both booking emails were sent.</summary>
    private static async Task<(IInterviewRequestGrain Request, DateTimeOffset Start, INotificationOutboxGrain Outbox)> BookedAndAnnouncedAsync(NotificationTestHost host, SmtpSink smtp, string requestId)
    {
        var request = await host.SubmitAutoBookAsync(requestId, "UTC");
        var start = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked)).Booking!.Stages[0].Start;
        await smtp.WaitForMessagesAsync(2);
        var outbox = host.Outbox(requestId);
        await outbox.WaitForHistoryAsync(h => h.All(r => r.Status == NotificationStatus.Sent));
        return (request, start, outbox);
    }

    [Fact]
    public async Task Reschedule_ThePoolPicksAnotherInterviewer_TheDroppedOneIsSentTheCancellation()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var grains = host.Grains;
        await grains.Participant("cand-1").UpsertProfile(
            new ParticipantProfile("Ada Lovelace", NotificationSamples.CandidateMail, ParticipantKind.Candidate, "Europe/Berlin", [new WeeklyHours(["Mon", "Tue", "Wed", "Thu", "Fri"], "00:00", "23:59")]));
        await grains.Participant("int-1").UpsertProfile(
            new ParticipantProfile("Grace Hopper", "grace@acme.example", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Thu", "Fri"], "09:00", "17:00")]));
        await grains.Participant("int-2").UpsertProfile(
            new ParticipantProfile("Alan Turing", "alan@acme.example", ParticipantKind.Interviewer, "UTC", [new WeeklyHours(["Mon", "Tue", "Wed"], "09:00", "17:00")]));
        await grains.Pool("panel").Upsert(new PoolDefinition(["int-1", "int-2"], PoolStrategy.RoundRobin));
        var request = grains.Request("req-swap");
        await request.Submit(new InterviewRequestSpec("cand-1", [new StageSpec("screen", 60, []) { Pools = [new PoolSlotSpec("panel", 1)] }], NotificationTestHost.Window) { Mode = SchedulingMode.AutoBook });
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        Assert.Equal(["int-1"], booked.Booking!.Stages[0].InterviewerIds);
        await smtp.WaitForMessagesAsync(2);

        await request.Reschedule(new RescheduleSpec(NotificationTestHost.LaterWindow));
        var moved = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start >= NotificationTestHost.LaterWindow.Start);
        Assert.Equal(["int-2"], moved.Booking!.Stages[0].InterviewerIds);

        var mails = await smtp.WaitForMessagesAsync(5);
        var grace = mails.Where(m => m.RcptTos.SequenceEqual(["grace@acme.example"])).ToList();
        Assert.Equal(2, grace.Count);
        var invite = VCalendar.Parse(grace[0].Part("text/calendar").Content).Events.Single();
        var cancel = VCalendar.Parse(grace[1].Part("text/calendar").Content);
        Assert.StartsWith("Cancelled:", grace[1].Subject, StringComparison.Ordinal);
        Assert.Equal(("CANCEL", invite.Uid, 1), (cancel.Method, cancel.Events.Single().Uid, cancel.Events.Single().Sequence));
        Assert.Equal(CalendarDateTime.FromInstant(Instant.FromDateTimeOffset(booked.Booking.Stages[0].Start)), cancel.Events.Single().Start);
        Assert.Contains("no longer on this interview's panel", grace[1].Part("text/plain").Content, StringComparison.Ordinal);
        var alan = Assert.Single(mails, m => m.RcptTos.SequenceEqual(["alan@acme.example"]));
        Assert.StartsWith("Moved:", alan.Subject, StringComparison.Ordinal);
        Assert.Single(mails, m => m.RcptTos.SequenceEqual([NotificationSamples.CandidateMail]) && m.Subject.StartsWith("Moved:", StringComparison.Ordinal));
    }
}
