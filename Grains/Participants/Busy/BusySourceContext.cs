namespace Scheduler.Grains.Participants.Busy;

/// <summary>What a busy source is asked for.</summary>
/// <param name="ParticipantKey">The participant grain key <c>{tenant}/{participantId}</c>.</param>
/// <param name="Calendar">The calendar to read.</param>
/// <param name="Range">The range to cover.</param>
public sealed record BusySourceContext(string ParticipantKey, CalendarSpec Calendar, TimeRange Range)
{
    /// <summary>The participant's zone (IANA id or Windows name), for floating times and all-day events; <see langword="null"/> reads them in UTC.</summary>
    public string? TimeZone { get; init; }
}
