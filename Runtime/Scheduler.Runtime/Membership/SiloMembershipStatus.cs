namespace Scheduler.Runtime.Membership;

/// <summary>The status of a silo in the membership table. A silo moves only forward: Joining → Active → ShuttingDown → Dead (any status may become Dead).</summary>
public enum SiloMembershipStatus
{
    /// <summary>Inserted by the silo itself while it starts; not yet serving calls, not a placement target.</summary>
    Joining,

    /// <summary>Serving calls; a placement target.</summary>
    Active,

    /// <summary>Stopping gracefully; no longer a placement target.</summary>
    ShuttingDown,

    /// <summary>Stopped, or declared dead by another silo because its IAmAlive was too old. Final: a dead silo never serves again under the same generation.</summary>
    Dead,
}
