using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Timers;

namespace Scheduler.Runtime.Catalog;

/// <summary>
/// One in-memory instance of a grain: its object, its turn queue, its execution context, its
/// timers and its lifecycle (<see cref="ActivationState"/>).
/// </summary>
/// <remarks>
/// Turn rules: a request is admitted when the activation is <see cref="ActivationState.Valid"/>
/// and either no request is in progress or the request may interleave (reentrant class or
/// always-interleave method). Waiting requests are admitted in arrival order. A request stays in
/// progress until the task returned by the grain method completes.
/// </remarks>
internal sealed class GrainActivation : IGrainContext
{
    private const int MaxInlineDepth = 4;

    [ThreadStatic]
    private static int t_inlineDepth;

    private readonly GrainCatalog _catalog;
    private readonly Lock _lock = new();
    private readonly Queue<IActivationRequest> _waiting = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private ActivationState _state = ActivationState.Created;
    private int _running;
    private long _lastActivityTicks;
    private DeactivationReason? _deactivationRequested;
    private List<GrainTimer>? _timers;
    private Grain? _grain;

    public GrainActivation(GrainId grainId, GrainClassInfo classInfo, GrainCatalog catalog)
    {
        GrainId = grainId;
        ClassInfo = classInfo;
        _catalog = catalog;
        Executor = new ActivationExecutor(OnUnhandledException);
        _lastActivityTicks = catalog.Time.GetUtcNow().UtcTicks;
    }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public ActivationExecutor Executor { get; }

    public IGrainFactory GrainFactory => _catalog.GrainFactory;

    public IServiceProvider Services => _catalog.Services;

    public Grain GrainInstance => _grain ?? throw new InvalidOperationException($"Activation {GrainId} has no grain instance.");

    public ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Completes when the activation has been deactivated (or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    public CancellationToken LifetimeToken => _lifetime.Token;

    /// <summary>Starts activation; called once by the thread that added this activation to the catalog.</summary>
    public void StartActivation()
    {
        lock (_lock)
        {
            if (_state != ActivationState.Created)
            {
                return;
            }

            _state = ActivationState.Activating;
        }

        Executor.Post(static s => _ = ((GrainActivation)s!).ActivateAsync(), this);
    }

    /// <summary>Delivers a request: starts it now if the turn rules allow, otherwise queues it.</summary>
    public void Enqueue(IActivationRequest request)
    {
        bool start;
        bool forward = false;
        lock (_lock)
        {
            start = false;
            switch (_state)
            {
                case ActivationState.Valid when CanStart(request.Interleave) && (request.Interleave || _waiting.Count == 0):
                    Admit(request);
                    start = true;
                    break;
                case ActivationState.Invalid:
                    forward = true;
                    break;
                default:
                    _waiting.Enqueue(request);
                    break;
            }
        }

        if (start)
        {
            Executor.Post(static s => RunRequest(s!), (this, request));
        }
        else if (forward)
        {
            _catalog.Forward(GrainId, request);
        }
    }

    /// <summary>
    /// Runs a call inline on the caller's thread when the activation is idle and its execution
    /// context is free. Returns <see langword="false"/> (and does nothing) otherwise.
    /// </summary>
    /// <param name="invoker">The method to call.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="task">The task the grain method returned (set when the method returns <see langword="true"/>).</param>
    /// <param name="turnEnded">
    /// Whether the turn already ended (the task completed before the execution context was
    /// released). When <see langword="false"/>, the caller must end it through
    /// <see cref="PendingCall.Observe"/>, even if the task has completed since.
    /// </param>
    public bool TryInvokeInline(GrainMethodInvoker invoker, object?[] arguments, out Task task, out bool turnEnded)
    {
        task = null!;
        turnEnded = false;
        if (t_inlineDepth >= MaxInlineDepth)
        {
            return false;
        }

        lock (_lock)
        {
            if (_state != ActivationState.Valid
                || !CanStart(invoker.AlwaysInterleave)
                || (_waiting.Count != 0 && !invoker.AlwaysInterleave)
                || !Executor.TryEnter())
            {
                return false;
            }

            _running++;
            _lastActivityTicks = _catalog.Time.GetUtcNow().UtcTicks;
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Executor);
        t_inlineDepth++;
        try
        {
            task = invoker.InvokeBody(_grain!, arguments);

            // Decided once, here: whoever ends the turn (this method or the caller's Observe) acts on
            // this one reading, even if the task completes on another thread right after it.
            turnEnded = task.IsCompleted;
        }
        finally
        {
            t_inlineDepth--;
            SynchronizationContext.SetSynchronizationContext(previous);
            Executor.Exit();
        }

        if (turnEnded)
        {
            OnRequestCompleted(null);
        }

        return true;
    }

    /// <summary>Ends a turn: admits waiting requests or, when idle and asked to, starts deactivation.</summary>
    public void OnRequestCompleted(IActivationRequest? request)
    {
        (List<IActivationRequest>? ToStart, DeactivationReason? Deactivate) next;
        lock (_lock)
        {
            _running--;
            if (request is null || request.KeepAlive)
            {
                _lastActivityTicks = _catalog.Time.GetUtcNow().UtcTicks;
            }

            if (_state != ActivationState.Valid)
            {
                return;
            }

            next = AdmitOrDeactivateLocked();
        }

        Proceed(next);
    }

    /// <summary>Deactivates the activation if it has been idle for at least <paramref name="ageLimit"/>.</summary>
    public bool TryDeactivateIfIdle(DateTimeOffset now, TimeSpan ageLimit)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _running != 0 || _waiting.Count != 0
                || now.UtcTicks - _lastActivityTicks < ageLimit.Ticks)
            {
                return false;
            }

            _state = ActivationState.Deactivating;
        }

        PostDeactivation(DeactivationReason.IdleTimeout);
        return true;
    }

    /// <summary>Deactivates as soon as no request is in progress (used at shutdown).</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        bool now = false;
        lock (_lock)
        {
            switch (_state)
            {
                case ActivationState.Valid when _running == 0:
                    _state = ActivationState.Deactivating;
                    now = true;
                    break;
                case ActivationState.Valid:
                case ActivationState.Activating:
                case ActivationState.Created:
                    _deactivationRequested ??= reason;
                    break;
            }
        }

        if (now)
        {
            PostDeactivation(reason);
        }

        return _deactivated.Task;
    }

    public void DeactivateOnIdle()
    {
        lock (_lock)
        {
            _deactivationRequested ??= DeactivationReason.ApplicationRequested;
        }
    }

    /// <summary>
    /// Called when a state write or clear failed on its ETag: another activation of the grain wrote
    /// meanwhile (two silos briefly both owned it), so this one's state is stale. It is deactivated
    /// (<see cref="DeactivationReason.ActivationFailed"/>) as soon as no request is running; the next
    /// call activates the grain afresh from storage.
    /// </summary>
    public void DeactivateAfterStorageConflict()
    {
        lock (_lock)
        {
            _deactivationRequested ??= DeactivationReason.ActivationFailed;
        }
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, _catalog.Time, callback, state, options);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Activation {GrainId} is deactivating; timers cannot be registered.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    public Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        EnsureRemindable();
        return _catalog.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period, cancellationToken);
    }

    public Task<IGrainReminder?> GetReminder(string reminderName, CancellationToken cancellationToken) =>
        _catalog.Reminders.GetAsync(GrainId, reminderName, cancellationToken);

    public Task<IReadOnlyList<IGrainReminder>> GetReminders(CancellationToken cancellationToken) =>
        _catalog.Reminders.GetAllAsync(GrainId, cancellationToken);

    public Task UnregisterReminder(string reminderName, CancellationToken cancellationToken) =>
        _catalog.Reminders.UnregisterAsync(GrainId, reminderName, cancellationToken);

    private static void RunRequest(object state)
    {
        var (activation, request) = ((GrainActivation, IActivationRequest))state;
        request.Run(activation);
    }

    private bool CanStart(bool interleave) => _deactivationRequested is null && (_running == 0 || interleave || ClassInfo.IsReentrant);

    private void Admit(IActivationRequest request)
    {
        _running++;
        if (request.KeepAlive)
        {
            _lastActivityTicks = _catalog.Time.GetUtcNow().UtcTicks;
        }
    }

    private List<IActivationRequest>? AdmitWaiting()
    {
        List<IActivationRequest>? toStart = null;
        while (_waiting.TryPeek(out var next) && CanStart(next.Interleave))
        {
            _waiting.Dequeue();
            Admit(next);
            (toStart ??= []).Add(next);
        }

        if (_waiting.Count > 0 && _deactivationRequested is null && _waiting.Any(r => r.Interleave))
        {
            // Interleaving requests do not wait behind a blocked head; the others keep their order.
            var remaining = _waiting.Count;
            for (var i = 0; i < remaining; i++)
            {
                var request = _waiting.Dequeue();
                if (request.Interleave)
                {
                    Admit(request);
                    (toStart ??= []).Add(request);
                }
                else
                {
                    _waiting.Enqueue(request);
                }
            }
        }

        return toStart;
    }

    private void StartAll(List<IActivationRequest>? requests)
    {
        if (requests is null)
        {
            return;
        }

        foreach (var request in requests)
        {
            Executor.Post(static s => RunRequest(s!), (this, request));
        }
    }

    private async Task ActivateAsync()
    {
        var started = _catalog.Time.GetTimestamp();
        try
        {
            _grain = _catalog.Activator.CreateInstance(this, out var states);
            foreach (var state in states)
            {
                await state.ReadStateAsync(_lifetime.Token);
            }

            await _grain.OnActivateAsync(_lifetime.Token);
        }
        catch (Exception exception)
        {
            _catalog.Log.ActivationFailed(exception, GrainId);
            List<IActivationRequest> rejected;
            _catalog.Remove(this);
            lock (_lock)
            {
                _state = ActivationState.Invalid;
                rejected = [.. _waiting];
                _waiting.Clear();
            }

            foreach (var request in rejected)
            {
                request.Reject(exception);
            }

            _deactivated.TrySetResult();
            return;
        }

        _catalog.Instrumentation.RecordActivation(ClassInfo.GrainType, _catalog.Time.GetElapsedTime(started));
        (List<IActivationRequest>? ToStart, DeactivationReason? Deactivate) next;
        lock (_lock)
        {
            _state = ActivationState.Valid;
            next = AdmitOrDeactivateLocked();
        }

        Proceed(next);
    }

    /// <summary>
    /// With the lock held on a valid activation: starts deactivation if it was requested and nothing
    /// runs, otherwise admits the waiting requests the turn rules allow.
    /// </summary>
    private (List<IActivationRequest>? ToStart, DeactivationReason? Deactivate) AdmitOrDeactivateLocked()
    {
        if (_running == 0 && _deactivationRequested is { } reason)
        {
            _state = ActivationState.Deactivating;
            return (null, reason);
        }

        return (AdmitWaiting(), null);
    }

    /// <summary>Carries out, outside the lock, what <see cref="AdmitOrDeactivateLocked"/> decided.</summary>
    private void Proceed((List<IActivationRequest>? ToStart, DeactivationReason? Deactivate) next)
    {
        if (next.Deactivate is { } reason)
        {
            PostDeactivation(reason);
        }

        StartAll(next.ToStart);
    }

    private void PostDeactivation(DeactivationReason reason) =>
        Executor.Post(static s => { var (a, r) = ((GrainActivation, DeactivationReason))s!; _ = a.RunDeactivationAsync(r); }, (this, reason));

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        List<GrainTimer>? timers;
        lock (_lock)
        {
            timers = _timers;
            _timers = null;
        }

        foreach (var timer in timers ?? [])
        {
            timer.Dispose();
        }

        try
        {
            using var timeout = new CancellationTokenSource(_catalog.Options.DeactivationTimeout, _catalog.Time);
            await GrainInstance.OnDeactivateAsync(reason, timeout.Token);
        }
        catch (Exception exception)
        {
            _catalog.Log.DeactivationFailed(exception, GrainId);
        }

        await _lifetime.CancelAsync();
        _catalog.Remove(this);
        List<IActivationRequest> forwarded;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            forwarded = [.. _waiting];
            _waiting.Clear();
        }

        _catalog.Instrumentation.RecordDeactivation(ClassInfo.GrainType, reason);
        foreach (var request in forwarded)
        {
            _catalog.Forward(GrainId, request);
        }

        _deactivated.TrySetResult();
    }

    private void EnsureRemindable()
    {
        if (_grain is not IRemindable)
        {
            throw new InvalidOperationException($"Grain class {ClassInfo.ClassType.Name} must implement IRemindable to register reminders.");
        }
    }

    public void ReportTimerFault(Exception exception) => _catalog.Log.TimerFailed(exception, GrainId);

    private void OnUnhandledException(Exception exception) => _catalog.Log.UnhandledInTurn(exception, GrainId);
}
