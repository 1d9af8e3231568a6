using System.Text.RegularExpressions;
using Scheduler.Grains.Links;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>A first-to-accept offer to pool members without Slack: an email with an accept link each, and the link decides the offer.</summary>
public sealed partial class PoolOfferEmailTests
{
    private static readonly string PoolKey = GrainKeys.For(NotificationTestHost.Tenant, "backend");

    [Fact]
    public async Task Offer_MembersWithoutSlack_GetAnEmailEach_TheFirstLinkFollowedWins_TheOtherLinkCloses()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        var time = new FakeTimeProvider(GrainTestCluster.Start);
        await using var host = await NotificationTestHost.StartAsync(smtp.Port, time: time, overrides: new Dictionary<string, string?> { ["Links:BaseUrl"] = "https://scheduler.example/" });
        var grains = host.Grains;
        await SetUpAsync(grains);

        await GrainTestCluster.SubmitAndWaitAsync(grains.Request("r1"), PoolOfferScenario.Spec(), RequestStatus.Offered);
        var offers = await WaitForOffersAsync(smtp, 2);
        var messages = await grains.GetGrain<IPoolOfferMessagesGrain>(PoolKey + "/r1.o1").WaitForMessagesAsync(all => all.Count == 2 && all.All(m => m.Status == PoolOfferMessageStatus.Posted));

        // m3 is busy, so not offered; each free member gets one email in their own zone, with their own link.
        Assert.Equal(["m1@acme.example", "m2@acme.example"], offers.Select(m => m.RcptTos.Single()).Order(StringComparer.Ordinal));
        Assert.Equal(offers.Select(m => m.MessageId).Order(StringComparer.Ordinal), messages.Select(m => m.Ts).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Null(m.SlackUserId));
        var m1 = offers.Single(m => m.RcptTos.Single() == "m1@acme.example");
        var m2 = offers.Single(m => m.RcptTos.Single() == "m2@acme.example");
        Assert.Contains("Tue 6 Jan 2026, 09:00–10:00 GMT (your time)", m2.Part("text/plain").Content, StringComparison.Ordinal);
        Assert.Contains("Interview: screen (ext-c1)", m2.Subject, StringComparison.Ordinal);
        var links = grains.GetGrain<IActionLinkGrain>(0);
        var m1Token = Token(m1);
        var m2Token = Token(m2);
        Assert.Contains($"href=\"https://scheduler.example/act/{m2Token}\"", m2.Part("text/html").Content, StringComparison.Ordinal);

        var shown = await links.Read(m2Token);
        Assert.Equal(ActionLinkState.Open, shown.State);
        Assert.Equal(ActionLinkKind.AcceptPoolOffer, shown.Kind);
        Assert.Equal(new TimeRange(PoolOfferScenario.Slot, PoolOfferScenario.Slot.AddHours(1)), shown.Slot);
        Assert.Equal("Europe/London", shown.TimeZone);
        Assert.Equal("Interview: screen (ext-c1)", shown.Title);
        Assert.Equal(OfferStatus.Open, (await grains.Pool("backend").GetOffer("r1.o1"))!.Status);

        var accepted = await links.Act(m2Token);
        time.Advance(TimeSpan.FromSeconds(1));
        var booked = await GrainTestCluster.WaitForAsync(grains.Request("r1"), v => v.Status == RequestStatus.Booked);

        Assert.Equal(ActionLinkState.Done, accepted.State);
        Assert.Equal(["i1", "m2"], booked.Booking!.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
        Assert.Equal(ActionLinkState.Done, (await links.Act(m2Token)).State);
        var late = await links.Act(m1Token);
        Assert.Equal(ActionLinkState.Closed, late.State);
        Assert.Contains("accepted this interview first", late.Message, StringComparison.Ordinal);
        Assert.Empty(await grains.Participant("m1").ListBookings());
        Assert.Equal(2, smtp.Messages().Count(m => m.Subject.StartsWith("Interview offer:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Offer_WithoutALinkAddress_EmailOffersAreSkippedWithTheReason()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        await using var host = await NotificationTestHost.StartAsync(smtp.Port, time: new FakeTimeProvider(GrainTestCluster.Start));
        var grains = host.Grains;
        await SetUpAsync(grains);

        await GrainTestCluster.SubmitAndWaitAsync(grains.Request("r1"), PoolOfferScenario.Spec(), RequestStatus.Offered);
        var messages = await grains.GetGrain<IPoolOfferMessagesGrain>(PoolKey + "/r1.o1").WaitForMessagesAsync(all => all.Count == 2);

        Assert.All(messages, m => Assert.Equal(PoolOfferMessageStatus.Skipped, m.Status));
        Assert.All(messages, m => Assert.Contains("Links:BaseUrl", m.LastError, StringComparison.Ordinal));
        Assert.DoesNotContain(smtp.Messages(), m => m.Subject.StartsWith("Interview offer:", StringComparison.Ordinal));
    }

    /// <summary>The pool scenario with the members in London, each with an email address and no Slack id.</summary>
    private static async Task SetUpAsync(IGrainFactory grains)
    {
        await PoolOfferScenario.SetUpAsync(grains);
        foreach (var member in new[] { "m1", "m2", "m3" })
        {
            await grains.Participant(member).UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Interviewer) with { Email = member + "@acme.example", TimeZone = "Europe/London" });
        }
    }

    private static async Task<List<ReceivedMail>> WaitForOffersAsync(SmtpSink smtp, int count)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var offers = smtp.Messages().Where(m => m.Subject.StartsWith("Interview offer:", StringComparison.Ordinal)).ToList();
            if (offers.Count >= count)
            {
                return offers;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Fewer than {count} offer emails arrived.");
        return [];
    }

    private static string Token(ReceivedMail mail) => AcceptLink().Match(mail.Part("text/plain").Content).Groups[1].Value;

    [GeneratedRegex(@"Accept this interview: https://scheduler\.example/act/(\S+)")]
    private static partial Regex AcceptLink();
}
