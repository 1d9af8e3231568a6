using MimeKit;

namespace Scheduler.Grains.Tests.Calendars.Google;

/// <summary>The booked emails and invites carry the stage's Meet link: they wait for it a little, then go without it, and an update brings it later.</summary>
public sealed class MeetingNotificationTests : IDisposable
{
    private const string CandidateMail = "ada@candidates.example";
    private readonly TempDirectory _mail = new();

    [Fact]
    public async Task Booked_WithGoogleMeet_TheBookedEmailsAndInvitesCarryTheMeetLink()
    {
        await using var silo = await GoogleSilo.StartAsync(mailPickup: _mail.Path);
        var request = await SubmitAsync(silo);

        var booked = await WaitForMailsAsync("Booked: ");

        var link = Assert.Single(silo.StandIn.Events("primary")).HangoutLink!;
        Assert.Equal(link, (await request.Get())!.Booking!.Stages[0].ConferenceUrl);
        Assert.Contains(booked, m => m.To.Mailboxes.Single().Address == CandidateMail);
        Assert.All(Mails(), mail => Assert.Contains("Link: " + link, mail.TextBody, StringComparison.Ordinal)); // the reminders sent with it too
        Assert.All(booked, mail =>
        {
            var invite = Unfolded(mail);
            Assert.Contains("LOCATION:" + link + "\n", invite, StringComparison.Ordinal);
            Assert.Contains("URL:" + link + "\n", invite, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Booked_WithGoogleMeetAndGoogleDown_EmailsGoWithoutTheLinkAfterTheWait_ThenAnUpdateBringsIt()
    {
        await using var silo = await GoogleSilo.StartAsync(mailPickup: _mail.Path);
        silo.StandIn.Fail(1000, HttpStatusCode.ServiceUnavailable, "backendError");
        var request = await SubmitAsync(silo);
        await TestSiloHost.WaitUntilAsync(() => Task.FromResult(silo.StandIn.Calls.Any(c => c.Method == "events.insert")));
        await Task.Delay(500); // the work turn after the booking has run, and held the notice back
        Assert.Empty(Mails());

        silo.Time.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1)); // past the 2 min wait, to the request's next process tick
        var booked = await WaitForMailsAsync("Booked: ");
        Assert.Null((await request.Get())!.Booking!.Stages[0].ConferenceUrl);

        silo.StandIn.Recover();
        silo.Time.Advance(TimeSpan.FromMinutes(30)); // the account's next event-write retry
        var updated = await WaitForMailsAsync("Updated: ");

        var link = Assert.Single(silo.StandIn.Events("primary")).HangoutLink!;
        Assert.All(booked, mail =>
        {
            Assert.DoesNotContain("Link: ", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("LOCATION:", Unfolded(mail), StringComparison.Ordinal);
        });
        Assert.All(updated, mail =>
        {
            Assert.Contains("Link: " + link, mail.TextBody, StringComparison.Ordinal);
            var invite = Unfolded(mail);
            Assert.Contains("LOCATION:" + link + "\n", invite, StringComparison.Ordinal);
            Assert.Contains("SEQUENCE:1\n", invite, StringComparison.Ordinal);
            Assert.Contains("METHOD:REQUEST\n", invite, StringComparison.Ordinal);
        });
        Assert.Equal(booked.Select(m => m.To.ToString()).Order(), updated.Select(m => m.To.ToString()).Order());
    }

    public void Dispose() => _mail.Dispose();

    private static async Task<IInterviewRequestGrain> SubmitAsync(GoogleSilo silo)
    {
        await silo.ConnectInterviewerAsync("i1");
        await silo.Grains.Participant("c1").UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate) with { Email = CandidateMail });
        var request = silo.Grains.Request("r1");
        await GrainTestCluster.SubmitAndWaitAsync(request, GrainTestCluster.Spec("c1", ["i1"], SchedulingMode.AutoBook) with { Conferencing = "googleMeet" }, RequestStatus.Booked);
        return request;
    }

    /// <summary>Waits for the two emails (candidate, interviewer) whose subject starts with <paramref name="subject"/>.</summary>
    private Task<List<MimeMessage>> WaitForMailsAsync(string subject) =>
        TestSiloHost.WaitForAsync(
            () => Task.FromResult(Mails().Where(m => m.Subject?.StartsWith(subject, StringComparison.Ordinal) == true).ToList()),
            found => found.Count == 2);

    private List<MimeMessage> Mails() =>
        Directory.Exists(_mail.Path) ? [.. Directory.GetFiles(_mail.Path, "*.eml").Select(f => MimeMessage.Load(f))] : [];

    private static string Unfolded(MimeMessage mail) =>
        mail.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar").Text // MimeKit gives native line ends
            .Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n ", string.Empty, StringComparison.Ordinal);
}
