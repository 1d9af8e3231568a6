namespace Scheduler.Grains.Participants;

/// <summary>Where a busy interval comes from.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.BusySourceKind")]
public enum BusySourceKind
{
    /// <summary>An event of a connected calendar.</summary>
    Calendar,

    /// <summary>An explicit busy block.</summary>
    Block,

    /// <summary>A confirmed interview booking.</summary>
    Booking,

    /// <summary>A short-lived hold of a request being booked.</summary>
    Hold,
}
