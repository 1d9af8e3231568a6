using NodaTime;
using Scheduler.ICalendar;
using Scheduler.ICalendar.Events;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>Booking, reschedule and cancel emails through the outbox grain to a real SMTP server (aiosmtpd).</summary>
public sealed class EmailNotificationTests
{
    [Fact]
    public async Task Booked_TwoAttendees_EachGetsOneMessageInOwnZoneWithParseableInvite()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var outbox = host.Outbox("req-1");

        await outbox.Enqueue(NotificationSamples.Booked());
        var mails = await smtp.WaitForMessagesAsync(2);

        Assert.Equal(2, mails.Count);
        var ada = Assert.Single(mails, m => m.RcptTos.SequenceEqual(["ada@candidates.example"]));
        var grace = Assert.Single(mails, m => m.RcptTos.SequenceEqual(["grace@acme.example"]));
        Assert.Equal("scheduler@acme.example", ada.MailFrom);
        Assert.Contains("Tue 10 Mar 2026, 14:00–15:00 CET (your time)", ada.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Contains("Tue 10 Mar 2026, 14:00–15:00 CET (your time)", ada.Subject, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", ada.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Contains("Tue 10 Mar 2026, 09:00–10:00 EDT (your time)", grace.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Contains("09:00–10:00 EDT", grace.Part("text/html").Content, StringComparison.Ordinal);

        foreach (var mail in mails)
        {
            var calendarPart = mail.Part("text/calendar");
            Assert.Equal("REQUEST", calendarPart.Params["method"]);
            var calendar = VCalendar.Parse(calendarPart.Content);
            Assert.Equal("REQUEST", calendar.Method);
            var vevent = Assert.Single(calendar.Events);
            Assert.Equal("acme.req-1@scheduler", vevent.Uid);
            Assert.Equal(0, vevent.Sequence);
            var occurrence = Assert.Single(calendar.GetOccurrences(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0), DateTimeZone.Utc));
            Assert.Equal(Instant.FromUtc(2026, 3, 10, 13, 0), occurrence.Start);
            Assert.Equal(Instant.FromUtc(2026, 3, 10, 14, 0), occurrence.End);
            Assert.Contains("DTSTART;TZID=Europe/Berlin:20260310T140000", calendarPart.Content, StringComparison.Ordinal);
            Assert.NotNull(calendar.TimeZones["Europe/Berlin"]);
            Assert.Contains("mailto:ada@candidates.example", calendarPart.Content, StringComparison.Ordinal);
            Assert.Contains("mailto:grace@acme.example", calendarPart.Content, StringComparison.Ordinal);
            Assert.Contains(mail.Parts, p => p.Filename == "invite.ics");
        }

        var history = await outbox.GetHistory();
        Assert.Equal(2, history.Count);
        Assert.All(history, r => Assert.Equal(NotificationStatus.Sent, r.Status));
        Assert.Equal(history.Select(r => r.MessageId).Order(StringComparer.Ordinal), mails.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(2, history.Select(r => r.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task RescheduleThenCancel_SameUid_SequenceIncrementsAndMethodCancel()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port);
        var outbox = host.Outbox("req-2");
        var candidateOnly = NotificationSamples.Booked() with { Recipients = [NotificationSamples.Candidate] };

        await outbox.Enqueue(candidateOnly);
        await smtp.WaitForMessagesAsync(1);
        await outbox.Enqueue(candidateOnly with { Kind = NotificationKind.Rescheduled, Sequence = 1, Slot = NotificationSamples.MovedSlot, PreviousSlot = NotificationSamples.Slot });
        await smtp.WaitForMessagesAsync(2);
        await outbox.Enqueue(candidateOnly with { Kind = NotificationKind.Cancelled, Sequence = 2, Slot = NotificationSamples.MovedSlot, Reason = "The position was filled." });
        var mails = await smtp.WaitForMessagesAsync(3);

        var calendars = mails.Select(m => VCalendar.Parse(m.Part("text/calendar").Content)).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.Method));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], mails.Select(m => m.Part("text/calendar").Params["method"]));
        Assert.Equal([0, 1, 2], calendars.Select(c => c.Events.Single().Sequence));
        Assert.Single(calendars.Select(c => c.Events.Single().Uid).Distinct());
        Assert.Equal(EventStatus.Cancelled, calendars[2].Events.Single().Status);
        var moved = calendars[1].GetOccurrences(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0), DateTimeZone.Utc).Single();
        Assert.Equal(Instant.FromUtc(2026, 3, 12, 15, 0), moved.Start);
        Assert.Contains("Thu 12 Mar 2026, 16:00–17:00 CET (your time)", mails[1].Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Contains("was Tue 10 Mar 2026, 14:00–15:00 CET", mails[1].Part("text/plain").Content, StringComparison.Ordinal);
        Assert.StartsWith("Cancelled:", mails[2].Subject, StringComparison.Ordinal);
        Assert.Equal(3, mails.Select(m => m.MessageId).Distinct().Count());
    }
}
