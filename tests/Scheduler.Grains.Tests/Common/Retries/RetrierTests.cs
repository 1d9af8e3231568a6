using Scheduler.Grains.Common.Retries;

namespace Scheduler.Grains.Tests.Common.Retries;

/// <summary>The shared retry loop: due selection, next wake-up, attempts counted and written before the send, backoff, give-up.</summary>
public sealed class RetrierTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy OneToFourMinutes = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4), maxAttempts: 4);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public void Due_MixedQueue_WaitingItemsWhoseTimeHasComeInQueueOrder()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var fresh = new Item("fresh");
        var later = new Item("later", nextAttemptAt: Start.AddSeconds(1));
        var done = new Item("done") { HasWork = false };
        var givenUp = new Item("given up", gaveUpAt: Start.AddMinutes(-1));
        var past = new Item("past", nextAttemptAt: Start.AddMinutes(-5));

        var due = retrier.Due([fresh, later, done, givenUp, past]);

        Assert.Equal(["fresh", "past"], due.Select(i => i.Name));
    }

    [Fact]
    public void Due_Limit_TakesTheFirstOnly()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);

        var due = retrier.Due([new Item("a"), new Item("b"), new Item("c")], limit: 2);

        Assert.Equal(["a", "b"], due.Select(i => i.Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => retrier.Due([new Item("a")], limit: 0));
    }

    [Fact]
    public void Due_NextAttemptReached_DueExactlyThen()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var item = new Item("a", nextAttemptAt: Start.AddMinutes(2));

        _time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.Empty(retrier.Due([item]));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Single(retrier.Due([item]));
    }

    [Fact]
    public void NextWakeUp_EarliestWaitingItem_OrNullWhenNothingWaits()
    {
        var soon = new Item("soon", nextAttemptAt: Start.AddMinutes(3));
        var later = new Item("later", nextAttemptAt: Start.AddMinutes(9));
        var doneEarlier = new Item("done", nextAttemptAt: Start.AddMinutes(1)) { HasWork = false };
        var givenUpEarlier = new Item("given up", nextAttemptAt: Start.AddMinutes(1), gaveUpAt: Start);

        Assert.Equal(Start.AddMinutes(3), Retrier.NextWakeUp([later, doneEarlier, soon, givenUpEarlier]));
        Assert.Equal(DateTimeOffset.MinValue, Retrier.NextWakeUp([new Item("never tried")]));
        Assert.Null(Retrier.NextWakeUp([doneEarlier, givenUpEarlier]));
        Assert.Null(Retrier.NextWakeUp(Array.Empty<Item>()));
    }

    [Fact]
    public async Task AttemptAsync_Send_CountedAndWrittenBeforeItIsMade()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var item = new Item("a");
        var written = new List<(int Attempts, DateTimeOffset NextAttemptAt)>();
        var seenBySend = -1;

        var failure = await retrier.AttemptAsync(
            item.Retry,
            () => Record(written, item.Retry),
            () =>
            {
                seenBySend = written.Count == 1 ? written[0].Attempts : -1;
                return Task.CompletedTask;
            },
            _ => false);

        Assert.Null(failure);
        Assert.Equal(1, seenBySend);
        Assert.Equal(new[] { (1, Start.AddMinutes(1)) }, written);
        Assert.Equal(1, item.Retry.Attempts);
        Assert.Null(item.Retry.LastError);
    }

    [Fact]
    public async Task AttemptAsync_CrashMidSend_AttemptStaysCountedAndTheItemWaitsForItsBackoff()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var item = new Item("a");
        var written = new List<(int Attempts, DateTimeOffset NextAttemptAt)>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => retrier.AttemptAsync(
            item.Retry,
            () => Record(written, item.Retry),
            () => throw new InvalidOperationException("the silo died"),
            _ => null));

        // What storage holds after the crash: the attempt, counted, and its backoff.
        Assert.Equal(new[] { (1, Start.AddMinutes(1)) }, written);
        Assert.Null(item.Retry.GaveUpAt);
        Assert.Empty(retrier.Due([item]));
        Assert.Equal(Start.AddMinutes(1), Retrier.NextWakeUp([item]));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(retrier.Due([item]));
        Assert.Null(await retrier.AttemptAsync(item.Retry, () => Record(written, item.Retry), () => Task.CompletedTask, _ => false));
        Assert.Equal(2, item.Retry.Attempts);
    }

    [Fact]
    public async Task AttemptAsync_TransientFailures_BackOffDoublingToTheCapThenGiveUp()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var item = new Item("a");
        var waits = new List<TimeSpan>();

        while (retrier.Due([item]).Count == 1)
        {
            var failure = await retrier.AttemptAsync(item.Retry, () => Task.CompletedTask, () => throw new TimeoutException($"attempt {item.Retry.Attempts}"), _ => false);
            Assert.IsType<TimeoutException>(failure);
            waits.Add(item.Retry.NextAttemptAt - _time.GetUtcNow());
            _time.Advance(item.Retry.NextAttemptAt - _time.GetUtcNow());
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(4)], waits);
        Assert.Equal(4, item.Retry.Attempts);
        Assert.Equal("attempt 4", item.Retry.LastError);
        Assert.Equal(Start.AddMinutes(7), item.Retry.GaveUpAt);
        Assert.Null(Retrier.NextWakeUp([item]));
    }

    [Fact]
    public async Task AttemptAsync_PermanentFailure_GivenUpAtOnce()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var item = new Item("a");

        var failure = await retrier.AttemptAsync(item.Retry, () => Task.CompletedTask, () => throw new ArgumentException("no such address"), e => e is ArgumentException);

        Assert.IsType<ArgumentException>(failure);
        Assert.Equal(1, item.Retry.Attempts);
        Assert.Equal(Start, item.Retry.GaveUpAt);
        Assert.Equal("no such address", item.Retry.LastError);
        Assert.Empty(retrier.Due([item]));
    }

    [Fact]
    public async Task AttemptAsync_SuccessAfterAFailure_ClearsTheErrorAndKeepsTheCount()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var item = new Item("a");

        await retrier.AttemptAsync(item.Retry, () => Task.CompletedTask, () => throw new TimeoutException("slow"), _ => false);
        _time.Advance(TimeSpan.FromMinutes(1));
        var failure = await retrier.AttemptAsync(item.Retry, () => Task.CompletedTask, () => Task.CompletedTask, _ => false);

        Assert.Null(failure);
        Assert.Equal(2, item.Retry.Attempts);
        Assert.Null(item.Retry.LastError);
        Assert.Null(item.Retry.GaveUpAt);
    }

    [Fact]
    public async Task AttemptAsync_Jitter_DrawPlacesTheNextAttempt()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), maxAttempts: 20, jitter: 0.2);
        var retrier = new Retrier(policy, _time, draw: () => 1.0);
        var item = new Item("a");

        await retrier.AttemptAsync(item.Retry, () => Task.CompletedTask, () => throw new TimeoutException(), _ => false);

        Assert.Equal(Start.AddSeconds(36), item.Retry.NextAttemptAt);
    }

    [Fact]
    public async Task Restart_GivenUpItem_DueNowWithNoAttemptsOrError()
    {
        var retrier = new Retrier(OneToFourMinutes, _time);
        var item = new Item("a");
        await retrier.AttemptAsync(item.Retry, () => Task.CompletedTask, () => throw new ArgumentException("bad"), _ => true);
        _time.Advance(TimeSpan.FromSeconds(10));

        retrier.Restart(item.Retry);

        Assert.Equal(0, item.Retry.Attempts);
        Assert.Equal(Start.AddSeconds(10), item.Retry.NextAttemptAt);
        Assert.Null(item.Retry.LastError);
        Assert.Null(item.Retry.GaveUpAt);
        Assert.Single(retrier.Due([item]));
    }

    private static Task Record(List<(int Attempts, DateTimeOffset NextAttemptAt)> written, RetryState retry)
    {
        written.Add((retry.Attempts, retry.NextAttemptAt));
        return Task.CompletedTask;
    }

    private sealed class Item(string name, DateTimeOffset nextAttemptAt = default, DateTimeOffset? gaveUpAt = null) : IRetryItem
    {
        public string Name { get; } = name;

        public RetryState Retry { get; } = new() { NextAttemptAt = nextAttemptAt, GaveUpAt = gaveUpAt };

        public bool HasWork { get; init; } = true;
    }
}
