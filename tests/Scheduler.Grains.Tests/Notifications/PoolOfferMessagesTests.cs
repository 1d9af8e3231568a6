using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>First-to-accept offers over Slack: offer DMs posted with their channel and ts recorded, the losers' messages replaced with chat.update.</summary>
public sealed class PoolOfferMessagesTests
{
    private const string Tenant = NotificationTestHost.Tenant;
    private const string Title = "Interview: Ada Lovelace – screen";
    private static readonly string PoolKey = GrainKeys.For(Tenant, "backend");
    private static readonly DateTimeOffset OfferStart = new(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Offer_TwoMembersRaceToAccept_WinnerToldAndEveryOtherMessageUpdatedOnItsDmChannel()
    {
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        slack.Channels.UnionWith(["U-ANN", "U-BOB", "U-CY"]);
        await using var host = await NotificationTestHost.StartWithSlackAsync(slack);
        var pool = await host.OfferAsync(["ann", "bob", "cy"], "Europe/London", OfferStart);
        var messages = host.Grains.GetGrain<IPoolOfferMessagesGrain>(PoolKey + "/offer-1");

        await messages.Post(Title);
        var posted = await messages.WaitForMessagesAsync(all => all.Count == 3 && all.All(m => m.Status == PoolOfferMessageStatus.Posted));
        var inbox = host.Grains.GetGrain<ISlackInboxGrain>(Tenant);
        var value = SlackActions.Value(PoolKey, "offer-1");
        await Task.WhenAll(
            inbox.Accept([new SlackInteractionRecord("trigger-ann:accept_pool_offer:1", SlackActions.AcceptPoolOffer, value, "U-ANN", posted[0].Channel, posted[0].Ts)]),
            inbox.Accept([new SlackInteractionRecord("trigger-bob:accept_pool_offer:1", SlackActions.AcceptPoolOffer, value, "U-BOB", posted[1].Channel, posted[1].Ts)]));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var updated = await messages.WaitForMessagesAsync(all => all.All(m => m.Status == PoolOfferMessageStatus.Updated));
        await messages.Refresh();
        host.Time.Advance(TimeSpan.FromMinutes(2));

        var offer = (await pool.GetOffer("offer-1"))!;
        Assert.Contains(offer.AcceptedBy, new[] { "ann", "bob" });
        Assert.Equal(["D-ANN", "D-BOB", "D-CY"], posted.Select(m => m.Channel));
        var updates = slack.Calls.Where(c => c.Method == "chat.update").ToList();
        Assert.Equal(3, updates.Count);
        Assert.All(updates, u => Assert.Null(u.Error));
        foreach (var message in updated)
        {
            Assert.Equal(posted.Single(p => p.MemberId == message.MemberId).Ts, message.Ts);
            Assert.Single(updates, u => u.Channel == message.Channel && u.Body!["ts"]!.GetValue<string>() == message.Ts);
            var shown = slack.Message(message.Channel!, message.Ts!)!;
            var text = shown["text"]!.GetValue<string>();
            Assert.Contains(message.MemberId == offer.AcceptedBy ? "You took" : "was taken by someone else", text, StringComparison.Ordinal);
            Assert.DoesNotContain(shown["blocks"]!.AsArray(), b => b!["type"]!.GetValue<string>() == "actions");
        }

        Assert.Equal(3, slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    [Fact]
    public async Task Offer_DecidedBeforeItsMessagesWerePosted_NothingPosted()
    {
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        slack.Channels.UnionWith(["U-ANN", "U-BOB"]);
        await using var host = await NotificationTestHost.StartWithSlackAsync(slack);
        var pool = await host.OfferAsync(["ann", "bob"], "Europe/London", OfferStart);
        await pool.Accept("offer-1", "ann");
        var messages = host.Grains.GetGrain<IPoolOfferMessagesGrain>(PoolKey + "/offer-1");

        await messages.Post(Title);
        var all = await messages.WaitForMessagesAsync(m => m.All(x => x.Status == PoolOfferMessageStatus.Skipped));

        Assert.Equal(2, all.Count);
        Assert.Empty(slack.Calls);
    }

    [Fact]
    public async Task StandIn_UpdateWithUserIdOrUnknownTs_RefusedAsSlackDocuments()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        var client = SlackClientTests.Client(slack, time, maxRetries: 0, channelIntervalMilliseconds: 0);

        var posted = await client.PostMessageAsync(new SlackMessage("U-GRACE", "Offer"), CancellationToken.None);
        var byUser = await Assert.ThrowsAsync<SlackApiException>(() => client.UpdateMessageAsync(posted.Ts, new SlackMessage("U-GRACE", "Taken"), CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<SlackApiException>(() => client.UpdateMessageAsync("1.000001", new SlackMessage(posted.Channel, "Taken"), CancellationToken.None));
        var done = await client.UpdateMessageAsync(posted.Ts, new SlackMessage(posted.Channel, "Taken"), CancellationToken.None);

        Assert.Equal("D-GRACE", posted.Channel);
        Assert.Equal(SlackErrorKind.ChannelNotFound, byUser.Kind);
        Assert.Equal(SlackErrorKind.MessageNotFound, unknown.Kind);
        Assert.Equal(posted.Ts, done.Ts);
        Assert.Equal("Taken", slack.Message("D-GRACE", posted.Ts)!["text"]!.GetValue<string>());
    }
}
