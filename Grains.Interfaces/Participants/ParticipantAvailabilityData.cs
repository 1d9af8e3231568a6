using Scheduler.Grains.Learning;

namespace Scheduler.Grains.Participants;

/// <summary>
/// Everything the scheduling engine needs about one participant, as the participant sees itself
/// at the moment of the call. Busy time includes calendar events, blocks, and the holds and
/// bookings of other requests (those widened by this participant's buffers, so that two
/// interviews are always separated by buffer-after plus buffer-before).
/// </summary>
/// <param name="ParticipantId">The participant id (without tenant).</param>
/// <param name="Exists">Whether the participant has a profile; when <see langword="false"/>, the other fields are empty.</param>
/// <param name="TimeZone">The IANA zone id.</param>
/// <param name="WorkingHours">Weekly working hours.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.ParticipantAvailabilityData")]
public sealed record ParticipantAvailabilityData([property: Id(0)] string ParticipantId, [property: Id(1)] bool Exists, [property: Id(2)] string TimeZone, [property: Id(3)] IReadOnlyList<WeeklyHours> WorkingHours)
{
    /// <summary>Per-date working hour overrides.</summary>
    [Id(4)]
    public IReadOnlyList<DateOverrideSpec> DateOverrides { get; init; } = [];

    /// <summary>Busy intervals (raw, not buffered), overlapping the window or near it.</summary>
    [Id(5)]
    public IReadOnlyList<TimeRange> Busy { get; init; } = [];

    /// <summary>Buffer before interviews, minutes.</summary>
    [Id(6)]
    public int BufferBeforeMinutes { get; init; }

    /// <summary>Buffer after interviews, minutes.</summary>
    [Id(7)]
    public int BufferAfterMinutes { get; init; }

    /// <summary>Daily cap; <see langword="null"/> for none.</summary>
    [Id(8)]
    public int? MaxInterviewsPerDay { get; init; }

    /// <summary>Weekly cap; <see langword="null"/> for none.</summary>
    [Id(9)]
    public int? MaxInterviewsPerWeek { get; init; }

    /// <summary>Starts of other requests' interviews (bookings and live holds) this participant attends as an interviewer, for caps and pool fairness.</summary>
    [Id(10)]
    public IReadOnlyList<DateTimeOffset> BookedInterviewStarts { get; init; } = [];

    /// <summary>Preferred times (soft).</summary>
    [Id(11)]
    public IReadOnlyList<WeeklyHours> PreferredTimes { get; init; } = [];

    /// <summary>The calendars whose data was stale when this was computed (their last known busy time is used); empty when all were fresh.</summary>
    [Id(13)]
    public IReadOnlyList<CalendarReadStatus> StaleCalendars { get; init; } = [];

    /// <summary>The participant's learned time preferences, as of their last observation; <see langword="null"/> when nothing was learned.</summary>
    [Id(14)]
    public PreferenceHistoryData? PreferenceHistory { get; init; }
}
