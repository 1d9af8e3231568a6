using Scheduler.Runtime.Catalog;

namespace Scheduler.Runtime.Timers;

/// <summary>
/// An in-memory timer of one activation, driven by the silo's <see cref="TimeProvider"/>. Each
/// tick is delivered as a request of the activation (a turn); the next tick is scheduled one
/// period after the previous tick's callback completes, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer, IActivationRequest
{
    private readonly GrainActivation _activation;
    private readonly TimeProvider _time;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private readonly TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _disposed;

    public GrainTimer(GrainActivation activation, TimeProvider time, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _time = time;
        _callback = callback;
        _state = state;
        _dueTime = options.DueTime;
        _period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public bool IsForwardable => false;

    public void Start()
    {
        lock (_lock)
        {
            _timer = _time.CreateTimer(static s => ((GrainTimer)s!).OnTick(), this, _dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _period = period;
            _timer?.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Run(GrainActivation activation)
    {
        Task task;
        try
        {
            task = _callback(_state, activation.LifetimeToken) ?? Task.CompletedTask;
        }
        catch (Exception exception)
        {
            task = Task.FromException(exception);
        }

        if (task.IsCompleted)
        {
            OnCallbackCompleted(task);
        }
        else
        {
            task.ContinueWith(static (t, s) => ((GrainTimer)s!).OnCallbackCompleted(t), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public void Reject(Exception exception)
    {
        // A tick for an activation that is gone is dropped: timers die with their activation.
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
        }

        _activation.RemoveTimer(this);
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time cannot be negative.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive or Timeout.InfiniteTimeSpan.");
        }
    }

    private void OnTick()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
        }

        _activation.Enqueue(this);
    }

    private void OnCallbackCompleted(Task task)
    {
        if (task.IsFaulted)
        {
            _activation.ReportTimerFault(task.Exception!.GetBaseException());
        }

        _activation.OnRequestCompleted(this);
        lock (_lock)
        {
            if (!_disposed && _period != Timeout.InfiniteTimeSpan)
            {
                _timer?.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
