using Scheduler.Grains.Links;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>Slack messages through the outbox grain: Block Kit with accept buttons, recorded with Slack's <c>ts</c>.</summary>
public sealed class SlackOutboxTests
{
    [Fact]
    public async Task ProposalsReady_RecruiterChannelAndCandidateEmail_BothSentOnceWithButtons()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        var clock = TimeProvider.System;
        await using var slack = await SlackStandIn.StartAsync(clock);
        await using var host = await NotificationTestHost.StartAsync(smtp.Port, slack.BaseUrl);
        var outbox = host.Outbox("req-prop");
        var recruiters = new NotificationRecipient("recruiters", "Recruiting", RecipientRole.Recruiter, "Europe/London", SlackTarget: "C-RECRUIT");
        var notification = new InterviewNotification
        {
            Kind = NotificationKind.ProposalsReady,
            Title = "Interview: Ada Lovelace – screen",
            Proposals = [NotificationSamples.Slot, NotificationSamples.MovedSlot],
            Recipients = [NotificationSamples.Candidate, recruiters],
        };

        await outbox.Enqueue(notification);
        var mails = await smtp.WaitForMessagesAsync(1);
        await TestSiloHost.WaitUntilAsync(() => slack.Calls.Count >= 1, TimeSpan.FromSeconds(20));
        await outbox.Enqueue(notification);
        Assert.Equal(0, await outbox.DeliverDue());

        var call = Assert.Single(slack.Calls);
        Assert.Equal("C-RECRUIT", call.Channel);
        var buttons = call.Body!["blocks"]![1]!["elements"]!.AsArray();
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.StartsWith(SlackActions.AcceptProposal, b!["action_id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(("acme/req-prop", "1"), SlackActions.Parse(buttons[1]!["value"]!.GetValue<string>()));
        Assert.Contains("13:00–14:00 GMT", buttons[0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var mail = Assert.Single(mails);
        Assert.Contains("2. Thu 12 Mar 2026, 16:00–17:00 CET (your time)", mail.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.Parts, p => p.ContentType == "text/calendar");
        var history = await outbox.GetHistory();
        Assert.Equal(["ProposalsReady/0/cand-1/Email", "ProposalsReady/0/recruiters/Slack"], history.Select(r => r.Key));
        Assert.All(history, r => Assert.Equal(NotificationStatus.Sent, r.Status));
        Assert.Matches(@"^\d+\.\d+$", history[1].MessageId!);
    }

    [Fact]
    public async Task ProposalsReady_WithProposalIds_ButtonsNameTheProposal_AndTheCandidatesEmailLinksEachTime()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        await using var host = await NotificationTestHost.StartAsync(smtp.Port, slack.BaseUrl, overrides: new Dictionary<string, string?> { ["Links:BaseUrl"] = "https://scheduler.example/" });
        var recruiters = new NotificationRecipient("recruiters", "Recruiting", RecipientRole.Recruiter, "Europe/London", Email: "recruiting@acme.example", SlackTarget: "C-RECRUIT");

        await host.Outbox("req-ids").Enqueue(new InterviewNotification
        {
            Kind = NotificationKind.ProposalsReady,
            Title = "Interview: Ada Lovelace – screen",
            Proposals = [NotificationSamples.Slot, NotificationSamples.MovedSlot],
            ProposalIds = ["p7", "p8"],
            Recipients = [NotificationSamples.Candidate, recruiters],
        });
        var mails = await smtp.WaitForMessagesAsync(2);
        await TestSiloHost.WaitUntilAsync(() => slack.Calls.Count >= 1, TimeSpan.FromSeconds(20));

        var buttons = Assert.Single(slack.Calls).Body!["blocks"]![1]!["elements"]!.AsArray();
        Assert.Equal([("acme/req-ids", "p7"), ("acme/req-ids", "p8")], buttons.Select(b => SlackActions.Parse(b!["value"]!.GetValue<string>())));
        var candidate = mails.Single(m => m.RcptTos.Single() == NotificationSamples.CandidateMail).Part("text/plain").Content;
        var links = candidate.Split("\r\n").Where(l => l.TrimStart().StartsWith("Book this time: https://scheduler.example/act/", StringComparison.Ordinal)).ToList();
        var tokens = host.Host.Services.GetRequiredService<ActionLinks>();
        Assert.Equal(
            [("p7", "req-ids", "cand-1"), ("p8", "req-ids", "cand-1")],
            links.Select(l => tokens.Read(l[(l.LastIndexOf('/') + 1)..])).Select(t => (t!.Item, t.Target, t.Person)));
        Assert.True(candidate.IndexOf(links[0], StringComparison.Ordinal) < candidate.IndexOf("2. Thu 12 Mar 2026", StringComparison.Ordinal), "Each link follows its own time.");
        var recruiter = mails.Single(m => m.RcptTos.Single() == "recruiting@acme.example").Part("text/plain").Content;
        Assert.DoesNotContain("Book this time", recruiter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_InterviewerDm_PostedInOwnZoneWithoutInviteByEmail()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        await using var host = await NotificationTestHost.StartAsync(smtp.Port, slack.BaseUrl);
        var grace = NotificationSamples.Interviewer with { SlackTarget = "U-GRACE" };

        await host.Outbox("req-rem").Enqueue(NotificationSamples.Booked(kind: NotificationKind.Reminder) with { ReminderMinutes = 120, Recipients = [grace] });
        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));
        await TestSiloHost.WaitUntilAsync(() => slack.Calls.Count >= 1, TimeSpan.FromSeconds(20));

        Assert.StartsWith("Reminder:", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("09:00–10:00 EDT (your time)", mail.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.Parts, p => p.ContentType == "text/calendar");
        var call = Assert.Single(slack.Calls);
        Assert.Equal("U-GRACE", call.Channel);
        Assert.Contains("09:00–10:00 EDT", call.Text, StringComparison.Ordinal);
    }
}
