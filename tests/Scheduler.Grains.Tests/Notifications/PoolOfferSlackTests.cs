using System.Text.Json.Nodes;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>A request's first-to-accept offer over Slack: DMs to the free members, withdrawn on cancel, and a silo restart while waiting.</summary>
public sealed class PoolOfferSlackTests
{
    private const string Tenant = NotificationTestHost.Tenant;
    private static readonly DateTimeOffset Start = GrainTestCluster.Start;
    private static readonly string PoolKey = GrainKeys.For(Tenant, "backend");

    [Fact]
    public async Task Offer_PostedToTheFreeMembersOnly_CancelTurnsEveryMessageIntoWithdrawn()
    {
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        slack.Channels.UnionWith(["U-M1", "U-M2", "U-M3"]);
        await using var host = await NotificationTestHost.StartWithSlackAsync(slack, time: new FakeTimeProvider(Start));
        var grains = host.Grains;
        await PoolOfferScenario.SetUpAsync(grains, slackIds: true);
        var request = grains.Request("r1");

        await GrainTestCluster.SubmitAndWaitAsync(request, Spec(), RequestStatus.Offered);
        var messages = Messages(grains);
        var posted = await messages.WaitForMessagesAsync(all => all.Count == 2 && all.All(m => m.Status == PoolOfferMessageStatus.Posted));
        await request.Cancel("Position filled.");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var updated = await messages.WaitForMessagesAsync(all => all.All(m => m.Status == PoolOfferMessageStatus.Updated));

        Assert.Equal(["D-M1", "D-M2"], posted.Select(m => m.Channel));
        Assert.DoesNotContain(slack.Calls, c => c.Channel is "U-M3" or "D-M3");
        var offer = slack.Calls.First(c => c.Method == "chat.postMessage");
        Assert.Contains("Interview: screen (ext-c1)", offer.Text, StringComparison.Ordinal);
        Assert.Contains(SlackActions.Value(PoolKey, "r1.o1"), ButtonValues(offer.Body!));
        foreach (var message in updated)
        {
            Assert.Contains("is no longer offered", slack.Message(message.Channel!, message.Ts!)!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(2, slack.Calls.Count(c => c.Method == "chat.update"));
    }

    [Fact]
    public async Task Offer_SiloRestartsWhileWaiting_AcceptAfterRestartBooksWinnerWithoutPostingAgain()
    {
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        slack.Channels.UnionWith(["U-M1", "U-M2", "U-M3"]);
        var database = Path.Combine(Path.GetTempPath(), "scheduler-pooloffer-" + Guid.NewGuid().ToString("N") + ".db");
        await using (var first = await NotificationTestHost.StartWithSlackAsync(slack, database, new FakeTimeProvider(Start)))
        {
            var grains = first.Grains;
            await PoolOfferScenario.SetUpAsync(grains, slackIds: true);
            await GrainTestCluster.SubmitAndWaitAsync(grains.Request("r1"), Spec(), RequestStatus.Offered);
            await Messages(grains).WaitForMessagesAsync(all => all.Count == 2 && all.All(m => m.Status == PoolOfferMessageStatus.Posted));
        }

        var later = new FakeTimeProvider(Start.AddMinutes(20));
        await using var second = await NotificationTestHost.StartWithSlackAsync(slack, database, later);
        var again = second.Grains;
        var view = await again.Request("r1").Get();
        Assert.Equal(RequestStatus.Offered, view!.Status);
        Assert.Equal(["m1", "m2"], view.Offer!.MemberIds);

        var messages = Messages(again);
        var posted = await messages.GetMessages();
        var inbox = again.GetGrain<ISlackInboxGrain>(Tenant);
        await inbox.Accept([new SlackInteractionRecord("trigger-m2:accept_pool_offer:1", SlackActions.AcceptPoolOffer, SlackActions.Value(PoolKey, "r1.o1"), "U-M2", posted[1].Channel, posted[1].Ts)]);
        later.Advance(TimeSpan.FromSeconds(1));
        var booked = await GrainTestCluster.WaitForAsync(again.Request("r1"), v => v.Status == RequestStatus.Booked);
        await messages.WaitForMessagesAsync(all => all.All(m => m.Status == PoolOfferMessageStatus.Updated));

        Assert.Equal(["i1", "m2"], booked.Booking!.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
        Assert.Single(await again.Participant("m2").ListBookings());
        Assert.Empty(await again.Participant("m1").ListBookings());
        Assert.Equal(2, slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Channel is "U-M1" or "U-M2"));
        Assert.Contains("You took", slack.Message("D-M2", posted[1].Ts!)!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("was taken by someone else", slack.Message("D-M1", posted[0].Ts!)!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static IPoolOfferMessagesGrain Messages(IGrainFactory grains) => grains.GetGrain<IPoolOfferMessagesGrain>(PoolKey + "/r1.o1");

    private static InterviewRequestSpec Spec() => PoolOfferScenario.Spec() with { Notify = new NotifySpec(Email: false, Slack: false) };

    private static IEnumerable<string> ButtonValues(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "value" && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : ButtonValues(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : ButtonValues(n)),
        _ => [],
    };
}
