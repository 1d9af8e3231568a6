namespace Scheduler.Runtime.Catalog;

/// <summary>The lifecycle of an activation.</summary>
internal enum ActivationState
{
    /// <summary>Created in the catalog; activation not started.</summary>
    Created,

    /// <summary>Constructing the grain, reading its state, running <c>OnActivateAsync</c>; requests wait.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running <c>OnDeactivateAsync</c>; requests wait and are then forwarded to a new activation.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; anything still arriving is forwarded.</summary>
    Invalid,
}
