using Scheduler.Scheduling.Results;

namespace Scheduler.Grains.Requests;

/// <summary>What a fan-out plus engine run found: options, a diagnosis, or an error that makes the request fail.</summary>
internal sealed record OptionSearchResult(IReadOnlyList<ScheduleOption> Options, NoAvailability? NoAvailability, string? Error, string? ErrorCode, string? ErrorParticipant)
{
    /// <summary>Pool id → the members that were offered to the engine.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PoolMembers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Participant id → the calendars that were stale in its answer (only participants with some).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CalendarReadStatus>> StaleCalendars { get; init; } = new Dictionary<string, IReadOnlyList<CalendarReadStatus>>();
}
