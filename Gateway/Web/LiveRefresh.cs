using System.Globalization;

namespace Scheduler.Gateway.Web;

/// <summary>
/// Keeps an open live page (the board, a request's page, an import's progress) fresh: every period it reads the page's
/// data again, until the page is closed; a tick while the browser is disconnected reads nothing. A read that fails is
/// logged and shown (<see cref="Status"/>), and the next tick reads again, so one failed read never stops the
/// refreshing. Transient: each page gets its own; not safe for concurrent use, its ticks run one after another.
/// </summary>
/// <param name="time">The clock of the ticks and of the last good refresh.</param>
/// <param name="connection">The circuit's connection: no read while it is down.</param>
/// <param name="logger">Where failed reads are reported.</param>
public sealed partial class LiveRefresh(TimeProvider time, CircuitConnection connection, ILogger<LiveRefresh> logger)
{
    /// <summary>When the page was last read without a failure (UTC); <see langword="null"/> before the first tick.</summary>
    public DateTimeOffset? LastGood { get; private set; }

    /// <summary>Whether the last read failed.</summary>
    public bool Failing { get; private set; }

    /// <summary>What the page says while its reads fail, e.g. <c>Could not refresh; retrying (last good refresh 09:00:02 UTC).</c>; <see langword="null"/> otherwise.</summary>
    public string? Status => !Failing ? null
        : LastGood is { } last ? string.Create(CultureInfo.InvariantCulture, $"Could not refresh; retrying (last good refresh {last:HH:mm:ss} UTC).")
        : "Could not refresh; retrying.";

    /// <summary>Reads the page's data every <paramref name="period"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="period">The time between reads; positive.</param>
    /// <param name="dispatch">Runs a tick where the page may change and render (a component's <c>InvokeAsync</c>).</param>
    /// <param name="read">Reads the page's data; <see langword="true"/> when what it shows changed.</param>
    /// <param name="render">Renders the page (a component's <c>StateHasChanged</c>).</param>
    /// <param name="cancellationToken">Cancelled when the page is closed.</param>
    /// <returns>A task that completes when the page is closed.</returns>
    public async Task RunAsync(TimeSpan period, Func<Func<Task>, Task> dispatch, Func<Task<bool>> read, Action render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(render);
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // A browser that went away (retained circuit) costs no reads; it is brought up to date on its first tick back.
                if (!connection.IsUp)
                {
                    continue;
                }

                await dispatch(async () =>
                {
                    // Data that stood still leaves the page as it is: nothing to render, nothing sent to the browser.
                    if (await TickAsync(read))
                    {
                        render();
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    /// <summary>One refresh: reads the page's data and records whether the read failed.</summary>
    /// <param name="read">Reads the page's data; <see langword="true"/> when what it shows changed.</param>
    /// <returns>Whether the page must render: what it shows changed, or its <see cref="Status"/> did.</returns>
    public async Task<bool> TickAsync(Func<Task<bool>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var wasFailing = Failing;
        try
        {
            var changed = await read();
            LastGood = time.GetUtcNow();
            Failing = false;
            return changed || wasFailing;
        }
        catch (Exception exception)
        {
            RefreshFailed(logger, exception, LastGood);
            Failing = true;
            return !wasFailing;
        }
    }

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "A live page could not refresh (last good refresh {LastGood}); it retries on the next tick.")]
    private static partial void RefreshFailed(ILogger logger, Exception exception, DateTimeOffset? lastGood);
}
