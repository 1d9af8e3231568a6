using Scheduler.Grains.Common;
using Scheduler.Grains.Notifications.Slack;
using Scheduler.Grains.Notifications;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Pools;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>First-to-accept offers over Slack: offer DMs posted with their channel and ts recorded, the losers' messages replaced with chat.update.</summary>
public sealed class PoolOfferMessagesTests
{
    private const string Tenant = NotificationTestHost.Tenant;
    private const string Title = "Interview: Ada Lovelace – screen";
    private static readonly string PoolKey = GrainKeys.For(Tenant, "backend");

    [Fact]
    public async Task Offer_TwoMembersRaceToAccept_WinnerToldAndEveryOtherMessageUpdatedOnItsDmChannel()
    {
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        slack.Channels.UnionWith(["U-ANN", "U-BOB", "U-CY"]);
        await using var host = await StartAsync(slack);
        var pool = await OfferAsync(host.Host.GrainFactory, ["ann", "bob", "cy"]);
        var messages = host.Host.GrainFactory.GetGrain<IPoolOfferMessagesGrain>(PoolKey + "/offer-1");

        await messages.Post(Title);
        var posted = await WaitForMessagesAsync(messages, all => all.Count == 3 && all.All(m => m.Status == PoolOfferMessageStatus.Posted));
        var inbox = host.Host.GrainFactory.GetGrain<ISlackInboxGrain>(Tenant);
        var value = SlackActions.Value(PoolKey, "offer-1");
        await Task.WhenAll(
            inbox.Accept([new SlackInteractionRecord("trigger-ann:accept_pool_offer:1", SlackActions.AcceptPoolOffer, value, "U-ANN", posted[0].Channel, posted[0].Ts)]),
            inbox.Accept([new SlackInteractionRecord("trigger-bob:accept_pool_offer:1", SlackActions.AcceptPoolOffer, value, "U-BOB", posted[1].Channel, posted[1].Ts)]));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var updated = await WaitForMessagesAsync(messages, all => all.All(m => m.Status == PoolOfferMessageStatus.Updated));
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
        await using var host = await StartAsync(slack);
        var pool = await OfferAsync(host.Host.GrainFactory, ["ann", "bob"]);
        await pool.Accept("offer-1", "ann");
        var messages = host.Host.GrainFactory.GetGrain<IPoolOfferMessagesGrain>(PoolKey + "/offer-1");

        await messages.Post(Title);
        var all = await WaitForMessagesAsync(messages, m => m.All(x => x.Status == PoolOfferMessageStatus.Skipped));

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

    private static Task<NotificationTestHost> StartAsync(SlackStandIn slack) =>
        NotificationTestHost.StartAsync(slackBaseUrl: slack.BaseUrl, overrides: new Dictionary<string, string?> { ["Slack:ChannelIntervalMilliseconds"] = "0" });

    private static async Task<IInterviewerPoolGrain> OfferAsync(IGrainFactory grains, string[] members)
    {
        foreach (var member in members)
        {
            await grains.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, member)).UpsertProfile(
                new ParticipantProfile($"Person {member}", $"{member}@acme.example", ParticipantKind.Interviewer, "Europe/London", [new WeeklyHours(["Mon"], "09:00", "17:00")])
                {
                    SlackUserId = "U-" + member.ToUpperInvariant(),
                });
        }

        var pool = grains.GetGrain<IInterviewerPoolGrain>(PoolKey);
        await pool.Upsert(new PoolDefinition(members, PoolStrategy.RoundRobin));
        var start = new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);
        await pool.Offer(new OfferSpec("offer-1", "req-1", new TimeRange(start, start.AddHours(1)), members));
        return pool;
    }

    private static async Task<IReadOnlyList<PoolOfferMessage>> WaitForMessagesAsync(IPoolOfferMessagesGrain grain, Func<IReadOnlyList<PoolOfferMessage>, bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while (true)
        {
            var messages = await grain.GetMessages();
            if (messages.Count > 0 && condition(messages))
            {
                return messages;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Messages: {string.Join(", ", messages.Select(m => $"{m.MemberId}={m.Status}/{m.LastError}"))}.");
            }

            await Task.Delay(10);
        }
    }
}
