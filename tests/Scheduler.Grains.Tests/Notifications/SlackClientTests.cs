using Microsoft.Extensions.Configuration;
using Scheduler.Testing.StandIns.Slack;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>The Slack client against the local stand-in, on a fake clock that a pump moves while the client waits.</summary>
public sealed class SlackClientTests
{
    [Fact]
    public async Task PostMessage_FiveMessagesTwoChannels_AllPostedAtLeastOneSecondApartPerChannel()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        var client = Client(slack, time);
        var started = time.GetUtcNow();

        var posts = new[] { "C-ONE", "C-ONE", "C-TWO", "C-ONE", "C-TWO" }
            .Select((channel, i) => client.PostMessageAsync(new SlackMessage(channel, $"message {i}"), CancellationToken.None))
            .ToArray();
        var results = await PumpAsync(time, Task.WhenAll(posts));

        Assert.Equal(5, results.Select(r => r.Ts).Distinct().Count());
        var calls = slack.Calls;
        Assert.Equal(5, calls.Count);
        Assert.All(calls, c => Assert.Null(c.Error));
        Assert.Equal(3, calls.Count(c => c.Channel == "C-ONE"));
        foreach (var channel in new[] { "C-ONE", "C-TWO" })
        {
            // The gate gives the k-th message of a channel the slot start + k s; it reaches the stand-in at or after it.
            var times = calls.Where(c => c.Channel == channel).Select(c => c.At).Order().ToList();
            Assert.All(times.Select((at, k) => (at, k)), t => Assert.True(t.at >= started.AddSeconds(t.k), $"{channel}: message {t.k} at {t.at:O}"));
        }
    }

    [Fact]
    public async Task PostMessage_TwoClientsOfOneHost_ShareTheChannelSpacing()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        using var provider = Services(slack, time, new Dictionary<string, string?>());
        var first = provider.GetRequiredService<ISlackClient>();
        var second = provider.GetRequiredService<ISlackClient>();
        var started = time.GetUtcNow();

        await PumpAsync(time, Task.WhenAll(
            first.PostMessageAsync(new SlackMessage("C-ONE", "from the first"), CancellationToken.None),
            second.PostMessageAsync(new SlackMessage("C-ONE", "from the second"), CancellationToken.None)));

        Assert.NotSame(first, second);
        var times = slack.Calls.Where(c => c.Channel == "C-ONE").Select(c => c.At).Order().ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] >= started.AddSeconds(1), $"second message at {times[1]:O}, first slot {started:O}");
    }

    [Fact]
    public async Task PostMessage_429WithRetryAfter_RetriedAfterTheDelayAndPosted()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        slack.RateLimitFirst["C-LIMITED"] = 2;
        var client = Client(slack, time);

        var result = await PumpAsync(time, client.PostMessageAsync(new SlackMessage("C-LIMITED", "hello"), CancellationToken.None));

        Assert.Equal("C-LIMITED", result.Channel);
        var calls = slack.Calls;
        Assert.Equal([429, 429, 200], calls.Select(c => c.Status));
        Assert.Null(calls[2].Error);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1));
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PostMessage_UnknownChannel_TypedErrorWithoutRetry()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        var client = Client(slack, time);

        var error = await Assert.ThrowsAsync<SlackApiException>(() => PumpAsync(time, client.PostMessageAsync(new SlackMessage("C-NOPE", "hi"), CancellationToken.None)));

        Assert.Equal(SlackErrorKind.ChannelNotFound, error.Kind);
        Assert.Equal("channel_not_found", error.Error);
        Assert.False(error.IsTransient);
        Assert.Single(slack.Calls);
    }

    [Fact]
    public async Task PostMessage_WrongToken_Unauthorized()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        var client = Client(slack, time, token: "xoxb-forged");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => PumpAsync(time, client.PostMessageAsync(new SlackMessage("C-ONE", "hi"), CancellationToken.None)));

        Assert.Equal(SlackErrorKind.Unauthorized, error.Kind);
    }

    [Fact]
    public async Task PoolOffer_PostedThenUpdated_ButtonCarriesOfferAndUpdateReplacesIt()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        var client = Client(slack, time);
        var offer = new OfferView("offer-7", "req-9", NotificationSamples.Slot, OfferStatus.Open, null, []);

        var posted = await PumpAsync(time, client.PostMessageAsync(SlackMessageComposer.PoolOffer("acme/pool-1", offer, "U-GRACE", "America/New_York", "Screen"), CancellationToken.None));
        var updated = await PumpAsync(time, client.UpdateMessageAsync(posted.Ts, SlackMessageComposer.OfferDecided(posted.Channel, "Screen", acceptedByYou: false), CancellationToken.None));

        Assert.Equal(posted.Ts, updated.Ts);
        var calls = slack.Calls;
        Assert.Equal(["chat.postMessage", "chat.update"], calls.Select(c => c.Method));
        var button = calls[0].Body!["blocks"]![1]!["elements"]![0]!;
        Assert.Equal(SlackActions.AcceptPoolOffer, button["action_id"]!.GetValue<string>());
        Assert.Equal(("acme/pool-1", "offer-7"), SlackActions.Parse(button["value"]!.GetValue<string>()));
        Assert.Contains("09:00–10:00 EDT", calls[0].Text, StringComparison.Ordinal);
        Assert.Contains("taken by someone else", calls[1].Text, StringComparison.Ordinal);
    }

    /// <summary>A Slack client as a host registers it (typed client with its retry and channel-spacing handlers) against the stand-in.</summary>
    [Fact]
    public async Task PostMessage_BurstOfSixtyToOneChannel_AllPostedOneASecondAndOtherChannelsUnaffected()
    {
        var time = new FakeTimeProvider();
        await using var slack = await SlackStandIn.StartAsync(time);
        var client = Client(slack, time, maxRetries: 2);
        var started = time.GetUtcNow();

        // A queue longer than the attempt timeout (30 s) at one post a second: waiting for the channel is no attempt.
        var burst = await PumpAsync(time, Task.WhenAll(Enumerable.Range(0, 60).Select(i => client.PostMessageAsync(new SlackMessage("C-RECRUIT", $"message {i}"), CancellationToken.None))));

        Assert.Equal(60, burst.Length);
        var calls = slack.Calls.Where(c => c.Channel == "C-RECRUIT").ToList();
        Assert.Equal(60, calls.Count);
        Assert.All(calls, c => Assert.Equal(200, c.Status));
        Assert.InRange(calls.Max(c => c.At) - started, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(65));
        var other = await PumpAsync(time, client.PostMessageAsync(new SlackMessage("C-ONE", "unrelated"), CancellationToken.None));
        Assert.False(string.IsNullOrEmpty(other.Ts));
    }

    internal static ISlackClient Client(SlackStandIn slack, TimeProvider time, string token = SlackStandIn.Token, int maxRetries = 3, int channelIntervalMilliseconds = 1000) =>
        Services(slack, time, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = token,
            ["Slack:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Slack:ChannelIntervalMilliseconds"] = channelIntervalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).GetRequiredService<ISlackClient>();

    /// <summary>The notification services as a host registers them, with Slack at the stand-in (the bot token it accepts) and <paramref name="settings"/> over that.</summary>
    private static ServiceProvider Services(SlackStandIn slack, TimeProvider time, IReadOnlyDictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSchedulerNotifications(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BaseUrl"] = slack.BaseUrl.AbsoluteUri, ["Slack:BotToken"] = SlackStandIn.Token })
            .AddInMemoryCollection(settings)
            .Build());
        return services.BuildServiceProvider();
    }

    /// <summary>Moves the fake clock in 100 ms steps every 2 ms of real time until <paramref name="task"/> completes.</summary>
    internal static async Task<T> PumpAsync<T>(FakeTimeProvider time, Task<T> task)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(20);
        while (!task.IsCompleted && TimeProvider.System.GetUtcNow().UtcDateTime < deadline)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));

            await Task.Delay(2);
        }

        return await task;
    }
}
