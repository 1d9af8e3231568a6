using Scheduler.ICalendar;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>The request grain's notifications end to end: request → outbox → real SMTP server (aiosmtpd), with the fake clock driving reminders.</summary>
public sealed class RequestNotificationTests
{
    private const string CandidateMail = NotificationSamples.CandidateMail;
    private const string InterviewerMail = NotificationSamples.InterviewerMail;
    private static readonly string[] BothReminders = ["notify-reminder-1440", "notify-reminder-120"];

    [Fact]
    public async Task AutoBook_BookRescheduleCancel_EachAttendeeGetsOneInvitePerStepWithRisingSequence()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var request = await host.SubmitAutoBookAsync("req-flow", "UTC", "U-GRACE");
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        Assert.Equal(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.Zero), booked.Booking!.Stages[0].Start);
        await smtp.WaitForMessagesAsync(2);

        var moved = NotificationTestHost.LaterWindow;
        Assert.Equal(CommandError.None, (await request.Reschedule(new RescheduleSpec(moved))).Error);
        var rebooked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start >= moved.Start);
        await smtp.WaitForMessagesAsync(4);

        Assert.Equal(CommandError.None, (await request.Cancel("The position was filled.")).Error);
        var mails = await smtp.WaitForMessagesAsync(6);

        Assert.Equal(6, mails.Count);
        foreach (var address in new[] { CandidateMail, InterviewerMail })
        {
            var own = mails.Where(m => m.RcptTos.SequenceEqual([address])).ToList();
            Assert.Equal(3, own.Count);
            Assert.StartsWith("Booked:", own[0].Subject, StringComparison.Ordinal);
            Assert.StartsWith("Moved:", own[1].Subject, StringComparison.Ordinal);
            Assert.StartsWith("Cancelled:", own[2].Subject, StringComparison.Ordinal);
            var calendars = own.Select(m => VCalendar.Parse(m.Part("text/calendar").Content)).ToList();
            Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.Method));
            Assert.Equal([0, 1, 2], calendars.Select(c => c.Events.Single().Sequence));
            Assert.Equal(["acme.req-flow@scheduler"], calendars.Select(c => c.Events.Single().Uid).Distinct());
            Assert.Contains("mailto:" + CandidateMail, own[0].Part("text/calendar").Content, StringComparison.Ordinal);
            Assert.Contains("mailto:" + InterviewerMail, own[0].Part("text/calendar").Content, StringComparison.Ordinal);
        }

        var candidateMoved = mails.Single(m => m.RcptTos.SequenceEqual([CandidateMail]) && m.Subject.StartsWith("Moved:", StringComparison.Ordinal));
        Assert.Contains("Mon 12 Jan 2026, 10:00–11:00 CET (your time)", candidateMoved.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Contains("was Thu 8 Jan 2026, 10:00–11:00 CET", candidateMoved.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Equal(rebooked.Booking!.Stages[0].Start, new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Reminders_ClockPassesBothDueTimes_EachSentOnceAndShownInView()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var request = await host.SubmitAutoBookAsync("req-remind", "UTC", "U-GRACE");
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        var start = booked.Booking!.Stages[0].Start;
        await smtp.WaitForMessagesAsync(2);
        await WaitForReminderNamesAsync(host, request, BothReminders);

        host.Time.Advance(start.AddHours(-24).AddMinutes(1) - host.Time.GetUtcNow());
        await smtp.WaitForMessagesAsync(4);
        host.Time.Advance(start.AddHours(-2).AddMinutes(1) - host.Time.GetUtcNow());
        var mails = await smtp.WaitForMessagesAsync(6);
        await WaitForReminderNamesAsync(host, request, []);
        host.Time.Advance(TimeSpan.FromMinutes(30));

        var view = await GrainTestCluster.WaitForAsync(request, v => v.Notifications.Count(n => n.Status == NotificationStatus.Sent) == 6, withNotifications: true);
        Assert.Equal(6, smtp.Messages().Count);
        Assert.Equal(4, mails.Count(m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal)));
        Assert.Equal(2, mails.Count(m => m.RcptTos.SequenceEqual([CandidateMail]) && m.Subject.StartsWith("Reminder:", StringComparison.Ordinal)));
        Assert.Equal(
            ["Booked/0/cand-1/Email", "Booked/0/int-1/Email", "Reminder-1440/0/cand-1/Email", "Reminder-1440/0/int-1/Email", "Reminder-120/0/cand-1/Email", "Reminder-120/0/int-1/Email"],
            view!.Notifications.Select(n => n.Key));
        Assert.All(view.Notifications, n => Assert.NotNull(n.SentAt));
        var reminder24 = view.Notifications.First(n => n.Key.StartsWith("Reminder-1440", StringComparison.Ordinal));
        Assert.True(reminder24.SentAt >= start.AddHours(-24));
        Assert.True(reminder24.SentAt < start.AddHours(-2));
    }

    [Fact]
    public async Task Reminders_CancelledBeforeDue_NeverSent()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var request = await host.SubmitAutoBookAsync("req-gone", "UTC", "U-GRACE");
        var booked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        await smtp.WaitForMessagesAsync(2);
        await WaitForReminderNamesAsync(host, request, BothReminders);

        await request.Cancel(null);
        await smtp.WaitForMessagesAsync(4);
        await WaitForReminderNamesAsync(host, request, []);
        host.Time.Advance(booked.Booking!.Stages[^1].End.AddHours(1) - host.Time.GetUtcNow());
        var outbox = host.Outbox("req-gone");
        Assert.Equal(0, await outbox.DeliverDue());

        var history = await outbox.GetHistory();
        Assert.DoesNotContain(history, n => n.Kind == NotificationKind.Reminder);
        Assert.Equal([NotificationKind.Booked, NotificationKind.Booked, NotificationKind.Cancelled, NotificationKind.Cancelled], history.Select(n => n.Kind));
        Assert.Equal(4, smtp.Messages().Count);
    }

    [Fact]
    public async Task Reminders_Rescheduled_MovedToNewStartAndSentForItOnly()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var request = await host.SubmitAutoBookAsync("req-move", "UTC", "U-GRACE");
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);
        await smtp.WaitForMessagesAsync(2);
        await WaitForReminderNamesAsync(host, request, BothReminders);

        var moved = NotificationTestHost.LaterWindow;
        await request.Reschedule(new RescheduleSpec(moved));
        var rebooked = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start >= moved.Start);
        await smtp.WaitForMessagesAsync(4);
        var newStart = rebooked.Booking!.Stages[0].Start;
        var entries = Own(await host.WaitForRemindersAsync(request, rows =>
            Own(rows) is { Count: 2 } own && own.Single(r => r.ReminderName == "notify-reminder-1440").StartAt == newStart.AddHours(-24).UtcDateTime));

        Assert.Equal(newStart.AddHours(-24).UtcDateTime, entries.Single(r => r.ReminderName == "notify-reminder-1440").StartAt);
        Assert.Equal(newStart.AddHours(-2).UtcDateTime, entries.Single(r => r.ReminderName == "notify-reminder-120").StartAt);
        Assert.All(entries, r => Assert.Equal(OneShotReminder.RetryPeriod, r.Period));

        host.Time.Advance(newStart.AddHours(-2).AddMinutes(1) - host.Time.GetUtcNow());
        await WaitForReminderNamesAsync(host, request, []);
        var view = await GrainTestCluster.WaitForAsync(request, v => v.Notifications.Count(n => n.Kind == NotificationKind.Reminder && n.Status == NotificationStatus.Sent) == 4, withNotifications: true);
        Assert.All(view.Notifications.Where(n => n.Kind == NotificationKind.Reminder), n => Assert.Equal(1, n.Sequence));
    }

    [Fact]
    public async Task Outbox_NoSmtpHostConfigured_EmailRecordedAsSkippedAndRequestStillBooks()
    {
        await using var host = await NotificationTestHost.StartAsync(overrides: new Dictionary<string, string?> { ["Smtp:Host"] = null });
        var request = await host.SubmitAutoBookAsync("req-nomail", "UTC", "U-GRACE");
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked);

        var view = await GrainTestCluster.WaitForAsync(request, v => v.Notifications.Count == 2, withNotifications: true);
        Assert.All(view!.Notifications, n =>
        {
            Assert.Equal(NotificationStatus.Skipped, n.Status);
            Assert.Equal("email not configured", n.LastError);
        });
    }

    /// <summary>The request's notification reminders (one per reminder time before the interview).</summary>
    private static List<ReminderEntry> Own(IEnumerable<ReminderEntry> rows) =>
        [.. rows.Where(r => r.ReminderName.StartsWith("notify-reminder-", StringComparison.Ordinal))];

    private static Task WaitForReminderNamesAsync(NotificationTestHost host, IInterviewRequestGrain request, IReadOnlyList<string> expected) =>
        host.WaitForRemindersAsync(request, rows => Own(rows).Select(r => r.ReminderName).Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)));
}
