using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Diagnostics;

namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Runs calls on this silo's activations. Fast path: when the target activation is idle, the call
/// runs inline on the caller's thread under the activation's context, and a synchronously
/// completed result is returned as is. Otherwise the call is queued as a <see cref="PendingCall"/>
/// with a timeout.
/// </summary>
internal sealed class LocalGrainCallInvoker(GrainCatalog catalog, CallTimeoutTracker timeouts, RuntimeInstrumentation instrumentation) : IGrainCallInvoker
{
    public object Invoke(GrainId target, GrainMethodInvoker invoker, object?[] arguments)
    {
        instrumentation.RecordCall();
        GrainActivation activation;
        try
        {
            activation = catalog.GetOrCreate(target);
        }
        catch (Exception exception)
        {
            return invoker.ToReturnValue(invoker.Faulted(exception));
        }

        if (invoker.IsOneWay)
        {
            var oneWay = invoker.CreatePendingCall(activation, arguments);
            oneWay.CallerTask.ContinueWith(
                static (t, s) =>
                {
                    var (log, call) = ((Microsoft.Extensions.Logging.ILogger, PendingCall))s!;
                    log.OneWayCallFailed(t.Exception!.GetBaseException(), call.Invoker.Name, call.Target?.GrainId ?? default);
                },
                (catalog.Log, oneWay),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            timeouts.Track(oneWay);
            activation.Enqueue(oneWay);
            return invoker.CompletedReturnValue();
        }

        if (activation.TryInvokeInline(invoker, arguments, out var task, out var turnEnded))
        {
            if (turnEnded)
            {
                return invoker.ToReturnValue(task);
            }

            var observed = invoker.CreatePendingCall(activation, arguments);
            timeouts.Track(observed);
            observed.Observe(task, activation);
            return invoker.ToReturnValue(observed.CallerTask);
        }

        var call = invoker.CreatePendingCall(activation, arguments);
        timeouts.Track(call);
        activation.Enqueue(call);
        return invoker.ToReturnValue(call.CallerTask);
    }
}
