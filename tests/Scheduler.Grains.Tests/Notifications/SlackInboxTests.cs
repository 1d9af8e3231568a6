namespace Scheduler.Grains.Tests.Notifications;

/// <summary>The durable Slack inbox: stored before the webhook answers, handled after a restart, once per interaction id.</summary>
public sealed class SlackInboxTests
{
    private const string Tenant = NotificationTestHost.Tenant;
    private static readonly DateTimeOffset Start = GrainTestCluster.Start;

    [Fact]
    public async Task Inbox_SiloRestartedBeforeHandling_HandledAfterRestartExactlyOnce()
    {
        var database = Path.Combine(Path.GetTempPath(), "scheduler-inbox-" + Guid.NewGuid().ToString("N") + ".db");
        var accept = Interaction("trigger-1", SlackActions.AcceptPoolOffer, SlackActions.Value(GrainKeys.For(Tenant, "backend"), "offer-1"), "U-ANN");
        await using (var first = await NotificationTestHost.StartAsync(sqlitePath: database, time: new FakeTimeProvider(Start)))
        {
            var pool = await first.OfferAsync(["ann", "bob"], "UTC", Start.AddDays(1));
            var inbox = first.Grains.GetGrain<ISlackInboxGrain>(Tenant);

            Assert.Equal(1, await inbox.Accept([accept]));

            // The first attempt waits for the clock, which this silo never moves: it stops with the interaction stored, unhandled.
            Assert.Equal(SlackInboxStatus.Pending, Assert.Single(await inbox.GetItems()).Status);
            Assert.Equal(OfferStatus.Open, (await pool.GetOffer("offer-1"))!.Status);
        }

        var later = new FakeTimeProvider(Start.AddMinutes(10));
        await using var second = await NotificationTestHost.StartAsync(sqlitePath: database, time: later);
        var restartedInbox = second.Grains.GetGrain<ISlackInboxGrain>(Tenant);
        var restartedPool = second.Grains.Pool("backend");
        await TestSiloHost.AdvanceUntilAsync(later, async () => (await restartedInbox.GetItems()).All(i => i.Status == SlackInboxStatus.Done));
        await restartedInbox.WaitForItemsAsync(items => items.All(i => i.Status == SlackInboxStatus.Done));

        Assert.Equal(0, await restartedInbox.Accept([accept]));
        later.Advance(TimeSpan.FromMinutes(5));
        var item = Assert.Single(await restartedInbox.GetItems());
        Assert.Equal(SlackInboxStatus.Done, item.Status);
        Assert.Equal(1, item.Attempts);
        Assert.Equal("offer accepted by ann", item.Outcome);
        var offer = (await restartedPool.GetOffer("offer-1"))!;
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        Assert.Equal("ann", offer.AcceptedBy);
    }

    [Fact]
    public async Task Inbox_RedeliveredAndRacingAccepts_EachIdHandledOnceAndFirstAcceptWins()
    {
        await using var host = await NotificationTestHost.StartAsync();
        var pool = await host.OfferAsync(["ann", "bob"], "UTC", Start.AddDays(1));
        var inbox = host.Grains.GetGrain<ISlackInboxGrain>(Tenant);
        var value = SlackActions.Value(GrainKeys.For(Tenant, "backend"), "offer-1");
        var ann = Interaction("trigger-a", SlackActions.AcceptPoolOffer, value, "U-ANN");
        var bob = Interaction("trigger-b", SlackActions.AcceptPoolOffer, value, "U-BOB");

        var counts = await Task.WhenAll(inbox.Accept([ann]), inbox.Accept([bob]), inbox.Accept([ann]), inbox.Accept([bob, ann]));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var items = await inbox.WaitForItemsAsync(all => all.Count == 2 && all.All(i => i.Status == SlackInboxStatus.Done));

        Assert.Equal(2, counts.Sum());
        Assert.All(items, i => Assert.Equal(1, i.Attempts));
        Assert.Single(items, i => i.Outcome!.StartsWith("offer accepted by", StringComparison.Ordinal));
        Assert.Single(items, i => i.Outcome!.StartsWith("offer not accepted", StringComparison.Ordinal));
        Assert.Equal(OfferStatus.Accepted, (await pool.GetOffer("offer-1"))!.Status);
    }

    [Fact]
    public async Task Inbox_UnknownOffer_FailedWithoutRetry()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.OfferAsync(["ann", "bob"], "UTC", Start.AddDays(1));
        var inbox = host.Grains.GetGrain<ISlackInboxGrain>(Tenant);

        await inbox.Accept([Interaction("trigger-x", SlackActions.AcceptPoolOffer, SlackActions.Value(GrainKeys.For(Tenant, "backend"), "no-such-offer"), "U-ANN")]);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var item = (await inbox.WaitForItemsAsync(all => all.Single().Status != SlackInboxStatus.Pending)).Single();
        host.Time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(SlackInboxStatus.Failed, item.Status);
        Assert.Contains("does not exist", item.Outcome, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(await inbox.GetItems()).Attempts);
    }

    [Fact]
    public async Task Inbox_OtherTenantsValue_RefusedAndNothingStored()
    {
        await using var host = await NotificationTestHost.StartAsync();
        var inbox = host.Grains.GetGrain<ISlackInboxGrain>(Tenant);
        var good = Interaction("trigger-1", SlackActions.AcceptProposal + "_0", SlackActions.Value(GrainKeys.For(Tenant, "req-1"), "0"), "U-1");
        var foreign = Interaction("trigger-2", SlackActions.AcceptProposal + "_0", SlackActions.Value(GrainKeys.For("globex", "req-1"), "0"), "U-1");

        await Assert.ThrowsAsync<ArgumentException>(() => inbox.Accept([good, foreign]));

        Assert.Empty(await inbox.GetItems());
    }

    private static SlackInteractionRecord Interaction(string trigger, string actionId, string value, string user) =>
        new($"{trigger}:{actionId}:1700000000.000100", actionId, value, user, "D-1", "1700000000.000100");
}
