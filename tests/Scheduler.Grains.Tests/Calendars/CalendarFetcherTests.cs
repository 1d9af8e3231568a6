using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Tests.Calendars;

public sealed class CalendarFetcherTests
{
    private static readonly TimeRange Day = new(GrainTestCluster.Start, GrainTestCluster.Start.AddDays(1));

    private static CalendarFetcher Fetcher(int perHost, TimeSpan fetchTimeout) =>
        new(Options.Create(new CalendarSourceOptions { MaxConcurrentReadsPerHost = perHost, FetchTimeout = fetchTimeout }), TimeProvider.System, NullLogger<CalendarFetcher>.Instance);

    private static BusySourceContext Context(string url) => new("acme/i1", new CalendarSpec("ics") { Url = url }, Day);

    [Fact]
    public async Task Start_ManyReadsOfOneHost_RunAtMostTheCapAtOnceWhileOtherHostsProceed()
    {
        using var fetcher = Fetcher(perHost: 2, fetchTimeout: TimeSpan.FromSeconds(30));
        var source = new GatedSource();

        var slow = Enumerable.Range(0, 5).Select(i => fetcher.Start(source, Context($"https://slow.example/{i}.ics"))).ToArray();
        await TestSiloHost.WaitUntilAsync(() => source.Running("slow.example") == 2);
        var other = fetcher.Start(source, Context("https://other.example/a.ics"));
        await TestSiloHost.WaitUntilAsync(() => source.Running("other.example") == 1);
        await Task.Delay(100);
        var maxWhileGated = source.MaxRunning("slow.example");
        source.Release();
        var reads = await Task.WhenAll(slow.Append(other));

        Assert.Equal(2, maxWhileGated);
        Assert.Equal(2, source.MaxRunning("slow.example"));
        Assert.All(reads, r => Assert.NotNull(r.Fetch));
    }

    [Fact]
    public async Task Start_ReadThatNeverAnswers_EndsAtTheFetchTimeoutWithTheReason()
    {
        using var fetcher = Fetcher(perHost: 4, fetchTimeout: TimeSpan.FromSeconds(1));

        var read = await fetcher.Start(new GatedSource(), Context("https://hangs.example/a.ics")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(read.Fetch);
        Assert.Equal("no answer within 1 s", read.Error);
    }

    [Fact]
    public async Task Start_SourceThrowsUnexpectedly_IsAFailedReadNotAFault()
    {
        using var fetcher = Fetcher(perHost: 4, fetchTimeout: TimeSpan.FromSeconds(5));

        var read = await fetcher.Start(new ThrowingSource(), Context("https://broken.example/a.ics"));

        Assert.Null(read.Fetch);
        Assert.Equal("the read failed (InvalidOperationException)", read.Error);
    }

    /// <summary>A source whose reads wait until released (or cancelled), counting how many run at once per host.</summary>
    private sealed class GatedSource : IBusySource
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<string, (int Now, int Max)> _running = new(StringComparer.Ordinal);

        public string Provider => "ics";

        public TimeSpan FreshFor => TimeSpan.FromMinutes(5);

        public bool PolledForConflicts => false;

        public int Running(string host)
        {
            lock (_running)
            {
                return _running.GetValueOrDefault(host).Now;
            }
        }

        public int MaxRunning(string host)
        {
            lock (_running)
            {
                return _running.GetValueOrDefault(host).Max;
            }
        }

        public void Release() => _gate.TrySetResult();

        public async Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken)
        {
            var host = new Uri(context.Calendar.Url!).Host;
            Change(host, +1);
            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
                return new BusyFetch([], DateTimeOffset.UnixEpoch);
            }
            finally
            {
                Change(host, -1);
            }
        }

        private void Change(string host, int delta)
        {
            lock (_running)
            {
                var (now, max) = _running.GetValueOrDefault(host);
                _running[host] = (now + delta, Math.Max(max, now + delta));
            }
        }
    }

    private sealed class ThrowingSource : IBusySource
    {
        public string Provider => "ics";

        public TimeSpan FreshFor => TimeSpan.FromMinutes(5);

        public bool PolledForConflicts => false;

        public Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a defect");
    }
}
