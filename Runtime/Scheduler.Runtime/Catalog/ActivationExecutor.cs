namespace Scheduler.Runtime.Catalog;

/// <summary>
/// The single-threaded execution context of one activation. Work posted here (request starts and
/// every <c>await</c> continuation of grain code, which captures this context) runs on the thread
/// pool, one item at a time, so grain code never runs on two threads at once. A caller may also
/// run grain code inline on its own thread when the context is free (<see cref="TryEnter"/>).
/// </summary>
/// <remarks>
/// The work queue is created on the first post and kept: most idle activations never post
/// anything, and an empty concurrent queue would cost about a kilobyte each.
/// </remarks>
internal sealed class ActivationExecutor : SynchronizationContext, IThreadPoolWorkItem
{
    private const int MaxItemsPerBatch = 256;

    private readonly Lock _queueLock = new();
    private readonly Action<Exception> _onUnhandled;
    private Queue<(SendOrPostCallback Callback, object? State)>? _queue;
    private int _executing;
    private int _scheduled;

    public ActivationExecutor(Action<Exception> onUnhandled) => _onUnhandled = onUnhandled;

    private bool HasWork
    {
        get
        {
            lock (_queueLock)
            {
                return _queue is { Count: > 0 };
            }
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queueLock)
        {
            (_queue ??= new Queue<(SendOrPostCallback, object?)>(4)).Enqueue((d, state));
        }

        ScheduleIfNeeded();
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous sends to a grain's context would block a turn.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Takes the execution lock without waiting; the caller then runs grain code inline and must call <see cref="Exit"/>.</summary>
    public bool TryEnter() => Interlocked.CompareExchange(ref _executing, 1, 0) == 0;

    /// <summary>Releases the execution lock taken by <see cref="TryEnter"/>.</summary>
    public void Exit()
    {
        Interlocked.Exchange(ref _executing, 0);
        if (HasWork)
        {
            ScheduleIfNeeded();
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (!TryEnter())
        {
            // Someone runs inline; their Exit() reschedules if work remains.
            Interlocked.Exchange(ref _scheduled, 0);
            if (HasWork && Volatile.Read(ref _executing) == 0)
            {
                ScheduleIfNeeded();
            }

            return;
        }

        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < MaxItemsPerBatch && TryDequeue(out var item); i++)
            {
                try
                {
                    item.Callback(item.State);
                }
                catch (Exception exception)
                {
                    _onUnhandled(exception);
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
            Interlocked.Exchange(ref _executing, 0);
            Interlocked.Exchange(ref _scheduled, 0);
            if (HasWork)
            {
                ScheduleIfNeeded();
            }
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_queueLock)
        {
            if (_queue is { Count: > 0 } queue)
            {
                item = queue.Dequeue();
                return true;
            }
        }

        item = default;
        return false;
    }

    private void ScheduleIfNeeded()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
