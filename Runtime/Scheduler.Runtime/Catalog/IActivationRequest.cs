namespace Scheduler.Runtime.Catalog;

/// <summary>A unit of work that occupies a turn of an activation: a grain call or a timer tick.</summary>
internal interface IActivationRequest
{
    /// <summary>Whether the request may start while other requests of the activation are in progress.</summary>
    bool Interleave { get; }

    /// <summary>Whether the request counts as activity for idle deactivation.</summary>
    bool KeepAlive { get; }

    /// <summary>
    /// Whether the request belongs to the grain (a call: forwarded to the next activation if this one
    /// goes away) rather than to this activation (a timer tick: dropped with it).
    /// </summary>
    bool IsForwardable { get; }

    /// <summary>
    /// Runs the request inside the activation's execution context. The request must call
    /// <see cref="GrainActivation.OnRequestCompleted"/> exactly once when its work is done.
    /// </summary>
    void Run(GrainActivation activation);

    /// <summary>Fails the request without running it.</summary>
    void Reject(Exception exception);
}
