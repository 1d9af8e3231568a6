namespace Scheduler.Grains.Common.Retries;

/// <summary>
/// Runs a grain's retry queue: the delivery work runs in turns of its own (<see cref="WorkKick"/>), and a durable
/// reminder stays registered exactly while an item waits, so a crash, a restart or an outage loses nothing. After each
/// run it asks the queue for its next wake-up: none unregisters the reminder; one already due asks for another run at
/// once (a batch left due items); a later one is left to the reminder, so a wait shorter than the reminder period
/// lasts until its next tick. The work must attempt or settle every item it takes, or the runs would repeat at once.
/// </summary>
/// <remarks>Not thread-safe: every member is called from turns of the owning activation.</remarks>
internal sealed class RetryDriver
{
    private readonly Grain _grain;
    private readonly string _reminderName;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly Func<DateTimeOffset?> _nextWakeUp;
    private readonly Func<CancellationToken, Task> _work;
    private readonly WorkKick _kick;

    /// <summary>Creates the driver.</summary>
    /// <param name="grain">The grain; it implements <see cref="IRemindable"/> and hands its ticks to <see cref="ReceiveReminderAsync"/>.</param>
    /// <param name="reminderName">The name of the durable reminder.</param>
    /// <param name="period">The reminder's period (at least 1 min, Orleans' minimum).</param>
    /// <param name="time">The clock.</param>
    /// <param name="nextWakeUp">The queue's next wake-up (<see cref="Retrier.NextWakeUp"/>), <see langword="null"/> when nothing waits.</param>
    /// <param name="work">Attempts the due items.</param>
    /// <param name="firstRunDelay">How long after <see cref="WakeAsync"/> the run starts; zero when absent.</param>
    public RetryDriver(Grain grain, string reminderName, TimeSpan period, TimeProvider time, Func<DateTimeOffset?> nextWakeUp, Func<CancellationToken, Task> work, TimeSpan? firstRunDelay = null)
    {
        _grain = grain;
        _reminderName = reminderName;
        _period = period;
        _time = time;
        _nextWakeUp = nextWakeUp;
        _work = work;
        var delay = firstRunDelay ?? TimeSpan.Zero;
        _kick = new WorkKick(run => grain.RegisterGrainTimer(run, delay, Timeout.InfiniteTimeSpan), RunOnceAsync);
    }

    /// <summary>When an item waits: registers the reminder, then asks for a run in a turn of its own. Call it once new items are written, and on activation.</summary>
    /// <returns>A task that completes when the reminder is registered.</returns>
    public async Task WakeAsync()
    {
        if (_nextWakeUp() is null)
        {
            return;
        }

        await _grain.RegisterOrUpdateReminder(_reminderName, _period, _period, CancellationToken.None);
        _kick.Request();
    }

    /// <summary>Runs the work now, in the calling turn.</summary>
    /// <returns>A task that completes when the run has completed.</returns>
    public Task RunAsync() => _kick.RunAsync(CancellationToken.None);

    /// <summary>Runs the work when <paramref name="reminderName"/> is this driver's reminder.</summary>
    /// <param name="reminderName">The name of the reminder that ticked.</param>
    /// <returns><see langword="true"/> when it was this driver's reminder.</returns>
    public async Task<bool> ReceiveReminderAsync(string reminderName)
    {
        if (reminderName != _reminderName)
        {
            return false;
        }

        await RunAsync();
        return true;
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _work(cancellationToken);
        var next = _nextWakeUp();
        if (next is null)
        {
            await _grain.StopReminderAsync(_reminderName);
        }
        else if (next <= _time.GetUtcNow())
        {
            _kick.Request();
        }
    }
}
