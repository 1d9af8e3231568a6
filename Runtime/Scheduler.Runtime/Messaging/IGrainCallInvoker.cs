namespace Scheduler.Runtime.Messaging;

/// <summary>
/// Delivers calls made through grain references. The silo's implementation runs them on local
/// activations; a cluster client would route them to the owning silo.
/// </summary>
internal interface IGrainCallInvoker
{
    /// <summary>Invokes a grain method and returns its declared return value (a task-like, boxed).</summary>
    object Invoke(GrainId target, GrainMethodInvoker invoker, object?[] arguments);
}
