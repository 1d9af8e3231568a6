using System.Text.Json.Nodes;
using Scheduler.Grains.Common;
using Scheduler.Grains.Notifications.Slack;
using Scheduler.Grains.Notifications;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Pools;
using Scheduler.Grains.Requests;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>A request's first-to-accept offer over Slack: DMs to the free members, withdrawn on cancel, and a silo restart while waiting.</summary>
public sealed class PoolOfferSlackTests
{
    private const string Tenant = NotificationTestHost.Tenant;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Slot = Start.AddDays(1);

    [Fact]
    public async Task Offer_PostedToTheFreeMembersOnly_CancelTurnsEveryMessageIntoWithdrawn()
    {
        await using var slack = await SlackStandIn.StartAsync(TimeProvider.System);
        slack.Channels.UnionWith(["U-M1", "U-M2", "U-M3"]);
        await using var host = await StartAsync(slack, time: new FakeTimeProvider(Start));
        var grains = host.Host.GrainFactory;
        await SetUpAsync(grains);
        var request = grains.GetGrain<IInterviewRequestGrain>(GrainKeys.For(Tenant, "r1"));

        await request.Submit(Spec());
        await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Offered);
        var messages = grains.GetGrain<IPoolOfferMessagesGrain>(GrainKeys.For(Tenant, "backend") + "/r1.o1");
        var posted = await WaitForMessagesAsync(messages, all => all.Count == 2 && all.All(m => m.Status == PoolOfferMessageStatus.Posted));
        await request.Cancel("Position filled.");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var updated = await WaitForMessagesAsync(messages, all => all.All(m => m.Status == PoolOfferMessageStatus.Updated));

        Assert.Equal(["D-M1", "D-M2"], posted.Select(m => m.Channel));
        Assert.DoesNotContain(slack.Calls, c => c.Channel is "U-M3" or "D-M3");
        var offer = slack.Calls.First(c => c.Method == "chat.postMessage");
        Assert.Contains("Interview: screen (ext-c1)", offer.Text, StringComparison.Ordinal);
        Assert.Contains(SlackActions.Value(GrainKeys.For(Tenant, "backend"), "r1.o1"), ButtonValues(offer.Body!));
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
        await using (var first = await StartAsync(slack, database, new FakeTimeProvider(Start)))
        {
            var grains = first.Host.GrainFactory;
            await SetUpAsync(grains);
            var request = grains.GetGrain<IInterviewRequestGrain>(GrainKeys.For(Tenant, "r1"));
            await request.Submit(Spec());
            await GrainTestCluster.WaitForAsync(request, v => v.Status == RequestStatus.Offered);
            await WaitForMessagesAsync(grains.GetGrain<IPoolOfferMessagesGrain>(GrainKeys.For(Tenant, "backend") + "/r1.o1"), all => all.Count == 2 && all.All(m => m.Status == PoolOfferMessageStatus.Posted));
        }

        var later = new FakeTimeProvider(Start.AddMinutes(20));
        await using var second = await StartAsync(slack, database, later);
        var again = second.Host.GrainFactory;
        var view = await again.GetGrain<IInterviewRequestGrain>(GrainKeys.For(Tenant, "r1")).Get();
        Assert.Equal(RequestStatus.Offered, view!.Status);
        Assert.Equal(["m1", "m2"], view.Offer!.MemberIds);

        var messages = again.GetGrain<IPoolOfferMessagesGrain>(GrainKeys.For(Tenant, "backend") + "/r1.o1");
        var posted = await messages.GetMessages();
        var inbox = again.GetGrain<ISlackInboxGrain>(Tenant);
        await inbox.Accept([new SlackInteractionRecord("trigger-m2:accept_pool_offer:1", SlackActions.AcceptPoolOffer, SlackActions.Value(GrainKeys.For(Tenant, "backend"), "r1.o1"), "U-M2", posted[1].Channel, posted[1].Ts)]);
        later.Advance(TimeSpan.FromSeconds(1));
        var booked = await GrainTestCluster.WaitForAsync(again.GetGrain<IInterviewRequestGrain>(GrainKeys.For(Tenant, "r1")), v => v.Status == RequestStatus.Booked);
        await WaitForMessagesAsync(messages, all => all.All(m => m.Status == PoolOfferMessageStatus.Updated));

        Assert.Equal(["i1", "m2"], booked.Booking!.Stages[0].InterviewerIds.Order(StringComparer.Ordinal));
        Assert.Single(await again.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, "m2")).ListBookings());
        Assert.Empty(await again.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, "m1")).ListBookings());
        Assert.Equal(2, slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Channel is "U-M1" or "U-M2"));
        Assert.Contains("You took", slack.Message("D-M2", posted[1].Ts!)!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("was taken by someone else", slack.Message("D-M1", posted[0].Ts!)!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Task<NotificationTestHost> StartAsync(SlackStandIn slack, string? database = null, FakeTimeProvider? time = null) =>
        NotificationTestHost.StartAsync(slackBaseUrl: slack.BaseUrl, sqlitePath: database, time: time, overrides: new Dictionary<string, string?> { ["Slack:ChannelIntervalMilliseconds"] = "0" });

    private static InterviewRequestSpec Spec() =>
        new("c1", [new StageSpec("screen", 60, ["i1"]) { Pools = [new PoolSlotSpec("backend", 1)] }], new TimeRange(Slot.AddHours(-9), Slot.AddDays(4).AddHours(-9)))
        {
            Mode = SchedulingMode.AutoBook,
            ExternalId = "ext-c1",
            Notify = new NotifySpec(Email: false, Slack: false),
        };

    /// <summary>Candidate c1; i1 free only Tuesday 09:00–10:00; pool backend (first to accept) = m1, m2 (free) and m3 (busy that morning), each with a Slack id.</summary>
    private static async Task SetUpAsync(IGrainFactory grains)
    {
        await grains.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, "c1")).UpsertProfile(GrainTestCluster.Profile(ParticipantKind.Candidate));
        foreach (var id in new[] { "i1", "m1", "m2", "m3" })
        {
            await grains.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, id)).UpsertProfile(
                GrainTestCluster.Profile(ParticipantKind.Interviewer) with { SlackUserId = "U-" + id.ToUpperInvariant() });
        }

        await grains.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, "i1")).ReplaceBlocks([new BusyBlock(Slot.AddHours(1), Slot.AddDays(4), "busy")]);
        await grains.GetGrain<IParticipantGrain>(GrainKeys.For(Tenant, "m3")).ReplaceBlocks([new BusyBlock(Slot.AddHours(-1), Slot.AddHours(3), "busy")]);
        await grains.GetGrain<IInterviewerPoolGrain>(GrainKeys.For(Tenant, "backend")).Upsert(new PoolDefinition(["m1", "m2", "m3"], PoolStrategy.FirstToAccept));
    }

    private static IEnumerable<string> ButtonValues(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "value" && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : ButtonValues(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : ButtonValues(n)),
        _ => [],
    };

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
