namespace Scheduler.Grains.Tests.Notifications;

/// <summary>The outbox persists before sending, retries through an SMTP outage on its durable reminder, and sends each message once.</summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Enqueue_SmtpDownThenUp_EachMessageDeliveredExactlyOnce()
    {
        await using var smtp = await SmtpSink.CreateAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var outbox = host.Outbox("req-outage");

        var records = await outbox.Enqueue(NotificationSamples.Booked());
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(NotificationStatus.Pending, r.Status));
        await outbox.WaitForHistoryAsync(h => h.All(r => r.Attempts >= 1 && r.LastError is not null));
        var failed = await outbox.GetHistory();
        Assert.All(failed, r => Assert.Equal(NotificationStatus.Pending, r.Status));

        await smtp.StartAsync();
        Assert.Empty(smtp.Messages());
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await smtp.WaitForMessagesAsync(2);
        await outbox.WaitForHistoryAsync(h => h.All(r => r.Status == NotificationStatus.Sent));

        var again = await outbox.Enqueue(NotificationSamples.Booked());
        Assert.All(again, r => Assert.Equal(NotificationStatus.Sent, r.Status));
        Assert.Equal(0, await outbox.DeliverDue());
        host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await outbox.DeliverDue());

        var mails = smtp.Messages();
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => m.RcptTos.SequenceEqual(["ada@candidates.example"]));
        Assert.Single(mails, m => m.RcptTos.SequenceEqual(["grace@acme.example"]));
        var history = await outbox.GetHistory();
        Assert.Equal(2, history.Count);
        Assert.All(history, r =>
        {
            Assert.True(r.Attempts >= 2);
            Assert.NotNull(r.SentAt);
            Assert.Null(r.LastError);
        });
    }

    [Fact]
    public async Task Enqueue_SiloStoppedWhileSmtpDown_NextSiloDeliversEachMessageOnce()
    {
        await using var smtp = await SmtpSink.CreateAsync();
        var database = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + Guid.NewGuid().ToString("N") + ".db");
        var start = GrainTestCluster.Start;
        await using (var first = await NotificationTestHost.StartAsync(smtp.Port, sqlitePath: database, time: new FakeTimeProvider(start)))
        {
            await first.Outbox("req-crash").Enqueue(NotificationSamples.Booked());
            await first.Outbox("req-crash").WaitForHistoryAsync(h => h.All(r => r.Attempts >= 1 && r.LastError is not null));
        }

        await smtp.StartAsync();
        var laterClock = new FakeTimeProvider(start.AddMinutes(10));
        await using var second = await NotificationTestHost.StartAsync(smtp.Port, sqlitePath: database, time: laterClock);
        await TestSiloHost.AdvanceUntilAsync(laterClock, () => Task.FromResult(smtp.Messages().Count >= 2));
        var mails = await smtp.WaitForMessagesAsync(2);
        await second.Outbox("req-crash").WaitForHistoryAsync(h => h.All(r => r.Status == NotificationStatus.Sent));
        laterClock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await second.Outbox("req-crash").DeliverDue());

        Assert.Equal(2, smtp.Messages().Count);
        Assert.Equal(["ada@candidates.example", "grace@acme.example"], mails.SelectMany(m => m.RcptTos).Order(StringComparer.Ordinal));
        var calendar = ICalendar.VCalendar.Parse(mails[0].Part("text/calendar").Content);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 3, 10, 13, 0), calendar.GetOccurrences(NodaTime.Instant.FromUtc(2026, 3, 1, 0, 0), NodaTime.Instant.FromUtc(2026, 4, 1, 0, 0), NodaTime.DateTimeZone.Utc).Single().Start);
    }

    [Fact]
    public async Task Enqueue_SameNotificationTwice_OneRecordPerRecipient()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var outbox = host.Outbox("req-idem");

        var first = await outbox.Enqueue(NotificationSamples.Booked());
        var second = await outbox.Enqueue(NotificationSamples.Booked());
        await smtp.WaitForMessagesAsync(2);
        await outbox.WaitForHistoryAsync(h => h.All(r => r.Status == NotificationStatus.Sent));

        Assert.Equal(first.Select(r => r.Key), second.Select(r => r.Key));
        Assert.Equal(["Booked/0/cand-1/Email", "Booked/0/int-1/Email"], (await outbox.GetHistory()).Select(r => r.Key));
        Assert.Equal(2, smtp.Messages().Count);
    }

    [Fact]
    public async Task RecordSkipped_LateReminder_InHistoryAndNothingSent()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var outbox = host.Outbox("req-skip");
        var reminder = NotificationSamples.Booked(kind: NotificationKind.Reminder) with { ReminderMinutes = 120 };

        var records = await outbox.RecordSkipped(reminder, "Fired after the start.");
        Assert.Equal(0, await outbox.DeliverDue());

        Assert.Equal(2, records.Count);
        Assert.All(await outbox.GetHistory(), r =>
        {
            Assert.Equal(NotificationStatus.Skipped, r.Status);
            Assert.Equal(0, r.Attempts);
            Assert.StartsWith("Reminder-120/0/", r.Key, StringComparison.Ordinal);
        });
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Enqueue_RecipientWithoutChannel_Refused()
    {
        await using var smtp = await SmtpSink.CreateAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var nobody = new NotificationRecipient("x", "X", RecipientRole.Candidate, "UTC");

        await Assert.ThrowsAsync<ArgumentException>(() => host.Outbox("req-bad").Enqueue(NotificationSamples.Booked() with { Recipients = [nobody] }));
        Assert.Empty(await host.Outbox("req-bad").GetHistory());
    }
}
