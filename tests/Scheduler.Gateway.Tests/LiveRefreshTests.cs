using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Scheduler.Gateway.Web;

namespace Scheduler.Gateway.Tests;

/// <summary>
/// The live pages' refresh loop on a fake clock: a failed read is shown and logged, and the next tick reads again; while
/// the browser is disconnected no tick reads.
/// </summary>
public sealed class LiveRefreshTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunAsync_AReadFails_ShowsItLogsIt_AndKeepsRefreshing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var log = new RecordingLogger();
        var refresh = new LiveRefresh(time, new CircuitConnection(), log);
        var reads = Channel.CreateUnbounded<int>();
        var fourth = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        var renders = 0;
        using var stop = new CancellationTokenSource();
        var loop = refresh.RunAsync(
            Period,
            tick => tick(),
            () =>
            {
                var read = ++count;
                reads.Writer.TryWrite(read);
                return read switch
                {
                    2 => throw new TimeoutException("The index did not answer."),
                    4 => fourth.Task,
                    _ => Task.FromResult(true),
                };
            },
            () => renders++,
            stop.Token);

        // The first tick reads; the second fails; the third reads again.
        await TickAsync(time, reads, 1);
        await TickAsync(time, reads, 2);
        await TickAsync(time, reads, 3);
        await TickAsync(time, reads, 4);

        // While the fourth read waits, the third tick has finished: good again, nothing shown.
        Assert.False(refresh.Failing);
        Assert.Null(refresh.Status);
        Assert.Equal(time.GetUtcNow() - Period, refresh.LastGood);
        Assert.Equal(3, renders);
        var failure = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.IsType<TimeoutException>(failure.Exception);

        fourth.SetResult(false);
        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task TickAsync_AReadFails_SaysSoWithTheLastGoodRefresh_UntilAReadSucceeds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 2, TimeSpan.Zero));
        var refresh = new LiveRefresh(time, new CircuitConnection(), new RecordingLogger());

        Assert.False(await refresh.TickAsync(() => Task.FromResult(false)));
        time.Advance(Period);
        Assert.True(await refresh.TickAsync(() => throw new TimeoutException()));
        Assert.Equal("Could not refresh; retrying (last good refresh 09:00:02 UTC).", refresh.Status);
        time.Advance(Period);
        Assert.False(await refresh.TickAsync(() => throw new TimeoutException()));
        Assert.True(refresh.Failing);
        time.Advance(Period);
        Assert.True(await refresh.TickAsync(() => Task.FromResult(false)));
        Assert.Null(refresh.Status);
        Assert.Equal(time.GetUtcNow(), refresh.LastGood);
    }

    [Fact]
    public async Task RunAsync_WhileTheConnectionIsDown_ReadsNothing_AndReadsOnTheFirstTickBack()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var connection = new CircuitConnection();
        var refresh = new LiveRefresh(time, connection, new RecordingLogger());
        var reads = Channel.CreateUnbounded<int>();
        var count = 0;
        using var stop = new CancellationTokenSource();
        var loop = refresh.RunAsync(
            Period,
            tick => tick(),
            () =>
            {
                reads.Writer.TryWrite(++count);
                return Task.FromResult(false);
            },
            () => { },
            stop.Token);

        await TickAsync(time, reads, 1);
        await connection.OnConnectionDownAsync(null!, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            time.Advance(Period);
        }

        // Five periods with the browser away: no read (the loop is given a moment to have run its ticks).
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.False(reads.Reader.TryRead(out _));
        Assert.Equal(1, count);

        await connection.OnConnectionUpAsync(null!, CancellationToken.None);
        await TickAsync(time, reads, 2);

        await stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    /// <summary>Moves the clock one period and waits until the loop has started read <paramref name="expected"/>.</summary>
    private static async Task TickAsync(FakeTimeProvider time, Channel<int> reads, int expected)
    {
        time.Advance(Period);
        Assert.Equal(expected, await reads.Reader.ReadAsync().AsTask().WaitAsync(Wait));
    }

    private sealed class RecordingLogger : ILogger<LiveRefresh>
    {
        public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, exception));
            }
        }
    }
}
