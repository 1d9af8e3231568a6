using Microsoft.Extensions.Options;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>The per-channel gate spaces calls and forgets channels whose slot has passed, so it does not grow with every channel ever used.</summary>
public sealed class SlackRateGateTests
{
    [Fact]
    public async Task WaitAsync_ManyChannelsThenTimePasses_IdleChannelsForgotten()
    {
        var time = new FakeTimeProvider();
        var gate = new SlackRateGate(time, Options.Create(new SlackOptions { ChannelIntervalMilliseconds = 1000 }));
        for (var i = 0; i < 1100; i++)
        {
            await gate.WaitAsync($"C-{i}", CancellationToken.None);
        }

        var busy = gate.TrackedChannels;
        time.Advance(TimeSpan.FromSeconds(2));
        await gate.WaitAsync("C-new", CancellationToken.None);

        Assert.Equal(1100, busy);
        Assert.Equal(1, gate.TrackedChannels);
    }

    [Fact]
    public async Task WaitAsync_SameChannelTwice_SecondWaitsForTheInterval()
    {
        var time = new FakeTimeProvider();
        var gate = new SlackRateGate(time, Options.Create(new SlackOptions { ChannelIntervalMilliseconds = 1000 }));

        await gate.WaitAsync("C-ONE", CancellationToken.None);
        var second = gate.WaitAsync("C-ONE", CancellationToken.None);
        var other = gate.WaitAsync("C-TWO", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        var waitedBeforeInterval = second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;

        Assert.True(other.IsCompleted);
        Assert.False(waitedBeforeInterval);
    }

    [Fact]
    public async Task WaitAsync_TheLastWaitCancelled_ItsSlotGoesToTheNextCall()
    {
        var time = new FakeTimeProvider();
        var gate = new SlackRateGate(time, Options.Create(new SlackOptions { ChannelIntervalMilliseconds = 1000 }));
        await gate.WaitAsync("C-ONE", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var abandoned = gate.WaitAsync("C-ONE", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var next = gate.WaitAsync("C-ONE", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(next.IsCompleted, "the next call takes the abandoned slot, one interval after the first, not two");
        await next;
    }
}
