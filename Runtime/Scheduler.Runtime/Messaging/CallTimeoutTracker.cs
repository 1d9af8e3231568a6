using System.Collections.Concurrent;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Fails calls that have waited longer than the call timeout. Calls are tracked in issue order in
/// one queue (all calls share one timeout, so the oldest is at the head) and swept by a single
/// periodic timer of the silo's <see cref="TimeProvider"/>; tracking allocates nothing per call.
/// </summary>
internal sealed class CallTimeoutTracker : IDisposable
{
    private readonly ConcurrentQueue<PendingCall> _calls = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ITimer _sweeper;
    private readonly Lock _sweepLock = new();

    public CallTimeoutTracker(TimeProvider time, TimeSpan timeout)
    {
        _time = time;
        _timeout = timeout;
        var interval = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _sweeper = time.CreateTimer(static s => ((CallTimeoutTracker)s!).Sweep(), this, interval, interval);
    }

    public TimeSpan Timeout => _timeout;

    public void Track(PendingCall call)
    {
        call.IssuedAt = _time.GetTimestamp();
        _calls.Enqueue(call);
    }

    public void Sweep()
    {
        lock (_sweepLock)
        {
            SweepExpired();
        }
    }

    private void SweepExpired()
    {
        var now = _time.GetTimestamp();
        while (_calls.TryPeek(out var call))
        {
            if (!call.IsCompleted && _time.GetElapsedTime(call.IssuedAt, now) < _timeout)
            {
                return;
            }

            if (_calls.TryDequeue(out call) && !call.IsCompleted)
            {
                call.TimeOut(_timeout);
            }
        }
    }

    public void Dispose() => _sweeper.Dispose();
}
