using Scheduler.Grains.Learning;

namespace Scheduler.Grains.Participants;

/// <summary>The durable state of a participant grain (JSON).</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Participants.ParticipantState")]
public sealed class ParticipantState
{
    /// <summary>The profile, secrets included; <see langword="null"/> until created.</summary>
    [Id(0)]
    public ParticipantProfile? Profile { get; set; }

    /// <summary>Explicit busy blocks.</summary>
    [Id(1)]
    public List<BusyBlock> Blocks { get; set; } = [];

    /// <summary>Holds of requests being booked; expired ones are ignored and purged on the next write.</summary>
    [Id(2)]
    public List<ParticipantBooking> Holds { get; set; } = [];

    /// <summary>Confirmed bookings, one per request.</summary>
    [Id(3)]
    public List<ParticipantBooking> Bookings { get; set; } = [];

    /// <summary>Learned time preferences; <see langword="null"/> until the first observation.</summary>
    [Id(4)]
    public PreferenceHistoryData? PreferenceHistory { get; set; }

    /// <summary>The ids of the most recent observations recorded (at most 256, oldest first), so a repeated report is not counted twice.</summary>
    [Id(5)]
    public List<string> RecordedObservations { get; set; } = [];
}
