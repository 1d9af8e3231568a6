namespace Scheduler.Runtime;

/// <summary>Why an activation is being deactivated; passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public enum DeactivationReason
{
    /// <summary>The activation was idle longer than its collection age limit.</summary>
    IdleTimeout,

    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>The activation failed (for example its state could not be written) and is discarded.</summary>
    ActivationFailed,

    /// <summary>The cluster's membership changed and another silo now owns the grain; its next call activates it there.</summary>
    OwnershipMoved,
}
