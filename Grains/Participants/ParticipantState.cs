namespace Scheduler.Grains.Participants;

/// <summary>The durable state of a participant grain (JSON).</summary>
public sealed class ParticipantState
{
    /// <summary>The profile, secrets included; <see langword="null"/> until created.</summary>
    public ParticipantProfile? Profile { get; set; }

    /// <summary>Explicit busy blocks.</summary>
    public List<BusyBlock> Blocks { get; set; } = [];

    /// <summary>Holds of requests being booked; expired ones are ignored and purged on the next write.</summary>
    public List<ParticipantBooking> Holds { get; set; } = [];

    /// <summary>Confirmed bookings, one per request.</summary>
    public List<ParticipantBooking> Bookings { get; set; } = [];
}
