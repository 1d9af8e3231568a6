using System.Globalization;
using System.Threading.RateLimiting;
using Scheduler.Grains.Calendars;

namespace Scheduler.Grains.Participants.Busy;

/// <summary>
/// Runs calendar reads off the participant grains' turns (on the thread pool), each within
/// <see cref="CalendarSourceOptions.FetchTimeout"/> and at most <see cref="CalendarSourceOptions.MaxConcurrentReadsPerHost"/>
/// at once per host (per provider for account providers), so a slow or hanging server holds only its own reads.
/// Running reads are cancelled when the silo stops. One per silo; thread-safe.
/// </summary>
/// <param name="options">The calendar settings.</param>
/// <param name="deadlines">The clock of waits and deadlines (see <see cref="DeadlineClockKey"/>).</param>
/// <param name="log">The logger.</param>
/// <param name="stopping">Cancels every running read (the host is stopping); none when <see langword="default"/>.</param>
public sealed class CalendarFetcher(IOptions<CalendarSourceOptions> options, TimeProvider deadlines, ILogger<CalendarFetcher> log, CancellationToken stopping = default) : IDisposable
{
    /// <summary>
    /// The service key of the clock that times waits and read deadlines (a keyed <see cref="TimeProvider"/>); when none
    /// is registered the silo's clock is used. Tests that drive the silo's clock by hand register the system clock
    /// under this key to measure real waits.
    /// </summary>
    public const string DeadlineClockKey = "Scheduler.CalendarDeadlines";

    private readonly PartitionedRateLimiter<string> _hosts = PartitionedRateLimiter.Create<string, string>(host => RateLimitPartition.GetConcurrencyLimiter(host, _ => new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentReadsPerHost,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    }));

    /// <summary>The settings.</summary>
    public CalendarSourceOptions Options => options.Value;

    /// <summary>The clock of waits and deadlines.</summary>
    public TimeProvider Deadlines { get; } = deadlines;

    /// <summary>The label a calendar is reported under: its redacted URL, or <c>{provider}:{accountId}</c>.</summary>
    /// <param name="calendar">The calendar entry.</param>
    /// <returns>A label free of secrets.</returns>
    public static string Label(CalendarSpec calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Url is not null ? CalendarUrl.Redact(calendar.Url) : $"{calendar.Provider}:{calendar.AccountId}";
    }

    /// <summary>Starts a read on the thread pool. The task never faults: a failure, a timeout or an unexpected error is a <see cref="CalendarRead"/> with an error.</summary>
    /// <param name="source">The calendar's provider source.</param>
    /// <param name="context">What to read.</param>
    /// <returns>The read's outcome.</returns>
    public Task<CalendarRead> Start(IBusySource source, BusySourceContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => ReadAsync(source, context));
    }

    /// <inheritdoc />
    public void Dispose() => _hosts.Dispose();

    private async Task<CalendarRead> ReadAsync(IBusySource source, BusySourceContext context)
    {
        var limit = Options.FetchTimeout;
        var label = Label(context.Calendar);
        using var timeout = new CancellationTokenSource(limit, Deadlines);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        var host = HostOf(context.Calendar);
        try
        {
            using var turn = await _hosts.AcquireAsync(host, 1, cancel.Token);
            if (!turn.IsAcquired)
            {
                return Failed(context, label, $"too many reads of {host} are waiting");
            }

            var fetch = await source.FetchAsync(context, cancel.Token);
            return new CalendarRead(fetch, null);
        }
        catch (CalendarSourceException exception)
        {
            return Failed(context, label, exception.Reason);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return new CalendarRead(null, "the silo is stopping");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Failed(context, label, string.Create(CultureInfo.InvariantCulture, $"no answer within {limit.TotalSeconds:0.#} s"));
        }
        catch (Exception exception)
        {
            CalendarLog.ReadCrashed(log, exception, context.ParticipantKey, label);
            return Failed(context, label, $"the read failed ({exception.GetType().Name})");
        }
    }

    private CalendarRead Failed(BusySourceContext context, string label, string reason)
    {
        CalendarLog.ReadFailed(log, context.ParticipantKey, label, reason);
        return new CalendarRead(null, reason);
    }

    /// <summary>The partition of the concurrency cap: <c>host:port</c> of a URL calendar, else the provider.</summary>
    private static string HostOf(CalendarSpec calendar) =>
        Uri.TryCreate(calendar.Url, UriKind.Absolute, out var uri) && !uri.IsFile ? $"{uri.IdnHost}:{uri.Port}" : calendar.Provider;
}
