namespace Scheduler.Grains.Common;

/// <summary>
/// Runs a grain's background work in a turn of its own, soon after it is asked for, without ever losing a request
/// to run. A request while no run is pending registers one one-shot grain timer (its due time is the caller's,
/// usually zero); a request while a run is in progress sets a "run again" flag, and when the run ends (normally or
/// with an exception) a new timer gives the repetition a turn of its own, so other calls get in between. A run never
/// disposes a timer that was registered after the run started, so a hand-over does not depend on which of two ticks
/// reaches the activation first. Work that must survive the activation still needs a durable reminder; this only
/// makes the in-memory path prompt.
/// </summary>
/// <remarks>Not thread-safe: every member is called from turns of the owning activation, which never overlap.</remarks>
internal sealed class WorkKick
{
    private readonly Func<Func<CancellationToken, Task>, IGrainTimer> _register;
    private readonly Func<CancellationToken, Task> _work;
    private IGrainTimer? _pending;
    private bool _running;
    private bool _again;

    /// <summary>Creates the kick.</summary>
    /// <param name="register">Registers a one-shot grain timer with the given callback and returns it (the grain's <c>RegisterGrainTimer</c>).</param>
    /// <param name="work">The work; it must be safe to run more often than asked.</param>
    public WorkKick(Func<Func<CancellationToken, Task>, IGrainTimer> register, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(work);
        _register = register;
        _work = work;
    }

    /// <summary>Asks for a run: registers a timer when none is pending, or marks the run in progress to repeat.</summary>
    public void Request()
    {
        if (_running)
        {
            _again = true;
            return;
        }

        _pending ??= _register(RunFromTimerAsync);
    }

    /// <summary>
    /// The pending timer's tick. The timer is disposed only after the run: disposing a grain timer cancels the token
    /// its callback was given, which would cancel the very run it started.
    /// </summary>
    /// <param name="cancellationToken">The tick's token, passed to the work.</param>
    /// <returns>A task that completes when the run has completed.</returns>
    private async Task RunFromTimerAsync(CancellationToken cancellationToken)
    {
        var timer = _pending;
        _pending = null;
        try
        {
            await RunAsync(cancellationToken);
        }
        finally
        {
            timer?.Dispose();
        }
    }

    /// <summary>Runs the work now, in the calling turn (for example from a durable reminder, or a tick of the timer).</summary>
    /// <param name="cancellationToken">Passed to the work.</param>
    /// <returns>A task that completes when the work has completed; a request made meanwhile is served by a new turn.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_running)
        {
            _again = true;
            return;
        }

        // This run serves every request made before it started, including the pending timer's.
        _pending?.Dispose();
        _pending = null;
        _running = true;
        _again = false;
        try
        {
            await _work(cancellationToken);
        }
        finally
        {
            _running = false;
            if (_again)
            {
                _again = false;
                Request();
            }
        }
    }
}
