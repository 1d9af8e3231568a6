namespace Scheduler.Grains;

/// <summary>One busy interval of a participant, unbuffered.</summary>
/// <param name="Start">The first busy instant (UTC).</param>
/// <param name="End">The end (exclusive, UTC).</param>
/// <param name="Source">Where it comes from.</param>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End, BusySourceKind Source)
{
    /// <summary>The request that holds or booked it (<see cref="BusySourceKind.Hold"/>, <see cref="BusySourceKind.Booking"/>); otherwise <see langword="null"/>.</summary>
    public string? RequestId { get; init; }

    /// <summary>A label (block title or calendar name); may be <see langword="null"/>.</summary>
    public string? Title { get; init; }
}
