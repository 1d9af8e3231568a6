using Scheduler.Grains.Notifications.FollowUps;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>Follow-ups after the interview (feedback reminder, thank-you) end to end: request → outbox → real SMTP server (aiosmtpd), driven by the fake clock.</summary>
public sealed class FollowUpNotificationTests
{
    private const string CandidateMail = NotificationSamples.CandidateMail;
    private const string InterviewerMail = NotificationSamples.InterviewerMail;

    [Fact]
    public async Task FollowUp_DefaultSettings_FeedbackReminderToInterviewerOnceAnHourAfterTheEnd()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var request = await host.SubmitAutoBookAsync("req-feedback", "Europe/London");
        var end = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked)).Booking!.Stages[^1].End;
        await smtp.WaitForMessagesAsync(2);
        Assert.Equal(end.AddMinutes(60), await WaitForFollowUpDueAsync(host, request, end.AddMinutes(60)));

        await PassRemindersAsync(host, smtp, request, end);
        host.Time.Advance(end.AddMinutes(59) - host.Time.GetUtcNow());
        Assert.DoesNotContain(await host.Outbox("req-feedback").GetHistory(), n => n.Kind == NotificationKind.FeedbackReminder);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        var mails = await smtp.WaitForMessagesAsync(7);
        var view = await GrainTestCluster.WaitForAsync(request, v => v.Notifications.Any(n => n.Kind == NotificationKind.FeedbackReminder && n.Status == NotificationStatus.Sent), withNotifications: true);
        host.Time.Advance(TimeSpan.FromDays(2));
        await WaitForFollowUpGoneAsync(host, request);
        view = await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Completed, withNotifications: true);

        var feedback = Assert.Single(smtp.Messages(), m => m.Subject.StartsWith("Feedback due:", StringComparison.Ordinal));
        Assert.Equal([InterviewerMail], feedback.RcptTos);
        Assert.Contains("Thu 8 Jan 2026, 09:00–10:00 GMT (your time)", feedback.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.DoesNotContain(mails, m => m.Subject.StartsWith("Thank you:", StringComparison.Ordinal));
        Assert.DoesNotContain(feedback.Parts, p => p.ContentType == "text/calendar");
        var record = Assert.Single(view.Notifications, n => n.Kind == NotificationKind.FeedbackReminder);
        Assert.Equal("FeedbackReminder/0/int-1/Email", record.Key);
        Assert.True(record.SentAt >= end.AddMinutes(60));
        Assert.Equal(7, smtp.Messages().Count);
    }

    [Fact]
    public async Task FollowUp_TenantAsksForThankYou_CandidateGetsNextStepsAfterTheTenantsDelay()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var settings = host.Grains.GetGrain<INotificationSettingsGrain>(NotificationTestHost.Tenant);
        await settings.Set(new NotificationSettings
        {
            FeedbackReminder = false,
            FollowUpDelayMinutes = 15,
            CandidateThankYou = true,
            ThankYouNextSteps = "Expect our decision within three working days.",
        });
        var request = await host.SubmitAutoBookAsync("req-thanks", "Europe/London");
        var end = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked)).Booking!.Stages[^1].End;
        await smtp.WaitForMessagesAsync(2);
        await WaitForFollowUpDueAsync(host, request, end.AddMinutes(15));

        await PassRemindersAsync(host, smtp, request, end);
        host.Time.Advance(end.AddMinutes(16) - host.Time.GetUtcNow());
        await smtp.WaitForMessagesAsync(7);
        var view = await GrainTestCluster.WaitForAsync(request, v => v.Notifications.Count(n => n.Status == NotificationStatus.Sent) == 7, withNotifications: true);
        await WaitForFollowUpGoneAsync(host, request);

        var thanks = Assert.Single(smtp.Messages(), m => m.Subject.StartsWith("Thank you:", StringComparison.Ordinal));
        Assert.Equal([CandidateMail], thanks.RcptTos);
        var text = thanks.Part("text/plain").Content;
        Assert.Contains("Thu 8 Jan 2026, 10:00–11:00 CET (your time)", text, StringComparison.Ordinal);
        Assert.Contains("Expect our decision within three working days.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.Messages(), m => m.Subject.StartsWith("Feedback due:", StringComparison.Ordinal));
        Assert.Equal("ThankYou/0/cand-1/Email", Assert.Single(view.Notifications, n => n.Kind == NotificationKind.ThankYou).Key);
    }

    [Fact]
    public async Task FollowUp_RescheduledThenCancelled_MovedToTheNewEndThenRemovedAndNeverSent()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var request = await host.SubmitAutoBookAsync("req-fu-move", "Europe/London");
        var end = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked)).Booking!.Stages[^1].End;
        await WaitForFollowUpDueAsync(host, request, end.AddMinutes(60));

        var moved = NotificationTestHost.LaterWindow;
        await request.Reschedule(new RescheduleSpec(moved));
        var newEnd = (await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Booked && v.Booking!.Stages[0].Start >= moved.Start)).Booking!.Stages[^1].End;
        Assert.NotEqual(end, newEnd);
        await WaitForFollowUpDueAsync(host, request, newEnd.AddMinutes(60));

        await request.Cancel("The position was filled.");
        await WaitForFollowUpGoneAsync(host, request);
        await smtp.WaitForMessagesAsync(6);
        host.Time.Advance(newEnd.AddDays(1) - host.Time.GetUtcNow());
        Assert.Equal(0, await host.Outbox("req-fu-move").DeliverDue());

        var history = await host.Outbox("req-fu-move").GetHistory();
        Assert.DoesNotContain(history, n => n.Kind is NotificationKind.FeedbackReminder or NotificationKind.ThankYou);
        Assert.Equal(6, smtp.Messages().Count);
    }

    [Fact]
    public async Task Settings_OutOfRange_RefusedWithTheFieldAndNothingStored()
    {
        await using var host = await NotificationTestHost.StartAsync();
        var settings = host.Grains.GetGrain<INotificationSettingsGrain>("tenant-x");

        var delay = await Assert.ThrowsAsync<ArgumentException>(() => settings.Set(new NotificationSettings { FollowUpDelayMinutes = NotificationSettings.MaxFollowUpDelayMinutes + 1 }));
        var text = await Assert.ThrowsAsync<ArgumentException>(() => settings.Set(new NotificationSettings { ThankYouNextSteps = new string('x', NotificationSettings.MaxNextStepsLength + 1) }));

        Assert.Equal("followUpDelayMinutes", delay.ParamName);
        Assert.Equal("thankYouNextSteps", text.ParamName);
        Assert.Equal(new NotificationSettings(), await settings.Get());
        Assert.Equal(new FollowUpPlan(true, 60, false, null), await settings.GetFollowUpPlan());
    }

    /// <summary>Moves the clock to one hour before the (one-hour) interview so the 24 h and 2 h reminders are sent, and waits for them.</summary>
    private static async Task PassRemindersAsync(NotificationTestHost host, SmtpSink smtp, IInterviewRequestGrain request, DateTimeOffset end)
    {
        host.Time.Advance(end.AddHours(-2) - host.Time.GetUtcNow());
        await smtp.WaitForMessagesAsync(6);
        await GrainTestCluster.WaitForAsync(request, v => v.Notifications.Count(n => n.Kind == NotificationKind.Reminder && n.Status == NotificationStatus.Sent) == 4, withNotifications: true);
    }

    private static async Task<DateTimeOffset> WaitForFollowUpDueAsync(NotificationTestHost host, IInterviewRequestGrain request, DateTimeOffset expected)
    {
        var rows = await host.WaitForRemindersAsync(request, all => FollowUp(all) is { } entry && new DateTimeOffset(entry.StartAt, TimeSpan.Zero) == expected && entry.Period == OneShotReminder.RetryPeriod);
        return new DateTimeOffset(FollowUp(rows)!.StartAt, TimeSpan.Zero);
    }

    private static Task WaitForFollowUpGoneAsync(NotificationTestHost host, IInterviewRequestGrain request) =>
        host.WaitForRemindersAsync(request, rows => FollowUp(rows) is null);

    private static ReminderEntry? FollowUp(IEnumerable<ReminderEntry> rows) => rows.SingleOrDefault(r => r.ReminderName == FollowUpReminder.Name);
}
