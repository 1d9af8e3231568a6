using Scheduler.Runtime.Catalog;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// The caller's side of a grain call that did not complete inline: it waits in the target
/// activation's queue, runs as a turn, and completes the caller's task (continuations run
/// asynchronously, so callers never continue inside the callee's context). It can be timed out.
/// </summary>
internal abstract class PendingCall : IActivationRequest
{
    protected PendingCall(GrainMethodInvoker invoker, GrainActivation? target, object?[] arguments)
    {
        Invoker = invoker;
        Target = target;
        Arguments = arguments;
    }

    public GrainMethodInvoker Invoker { get; }

    public object?[] Arguments { get; }

    /// <summary>The activation the call was delivered to (replaced when it is forwarded).</summary>
    public GrainActivation? Target { get; set; }

    /// <summary>When the call was issued, in <see cref="TimeProvider.GetTimestamp"/> units of the silo's clock.</summary>
    public long IssuedAt { get; set; }

    public bool Interleave => Invoker.AlwaysInterleave;

    public bool KeepAlive => true;

    public bool IsForwardable => true;

    public abstract Task CallerTask { get; }

    public bool IsCompleted => CallerTask.IsCompleted;

    public void Run(GrainActivation activation)
    {
        if (IsCompleted)
        {
            // Timed out (or rejected) while waiting: do not run it.
            activation.OnRequestCompleted(this);
            return;
        }

        Target = activation;
        var task = Invoker.InvokeBody(activation.GrainInstance, Arguments);
        Observe(task, activation);
    }

    /// <summary>Completes the caller's task from <paramref name="task"/> when it completes, then ends the turn on <paramref name="activation"/>.</summary>
    public void Observe(Task task, GrainActivation activation)
    {
        Target = activation;
        if (task.IsCompleted)
        {
            CompleteFrom(task);
            activation.OnRequestCompleted(this);
        }
        else
        {
            task.ContinueWith(
                static (t, state) =>
                {
                    var call = (PendingCall)state!;
                    call.CompleteFrom(t);
                    call.Target!.OnRequestCompleted(call);
                },
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    public abstract void Reject(Exception exception);

    public void TimeOut(TimeSpan timeout) =>
        Reject(new TimeoutException(
            $"The call {Invoker.Method.DeclaringType?.Name}.{Invoker.Name} to grain {Target?.GrainId.ToString() ?? "?"} did not complete within {timeout.TotalSeconds:0.###} s."));

    protected abstract void CompleteFrom(Task task);
}

/// <summary>A pending call whose result is <typeparamref name="TResult"/>.</summary>
internal sealed class PendingCall<TResult>(GrainMethodInvoker invoker, GrainActivation? target, object?[] arguments)
    : PendingCall(invoker, target, arguments)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task CallerTask => _completion.Task;

    public override void Reject(Exception exception) => _completion.TrySetException(exception);

    protected override void CompleteFrom(Task task)
    {
        if (task.IsFaulted)
        {
            var exception = task.Exception!;
            _completion.TrySetException(exception.InnerExceptions.Count == 1 ? exception.InnerException! : exception);
        }
        else if (task.IsCanceled)
        {
            _completion.TrySetCanceled();
        }
        else if (typeof(TResult) == typeof(VoidResult))
        {
            _completion.TrySetResult(default!);
        }
        else
        {
            _completion.TrySetResult(((Task<TResult>)task).GetAwaiter().GetResult());
        }
    }
}
