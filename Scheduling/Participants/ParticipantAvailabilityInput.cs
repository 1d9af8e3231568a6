using Scheduler.Scheduling.Learning;

namespace Scheduler.Scheduling.Participants;

/// <summary>
/// Everything the engine needs to know about one participant (candidate or interviewer), as a
/// participant grain holds it. Immutable; build it with an object initializer.
/// </summary>
/// <param name="ParticipantId">The participant's key; compared ordinally and used as the fairness tie-break.</param>
/// <param name="Zone">The participant's IANA zone (map Windows names with <see cref="TimeZones.GetZone"/>).</param>
/// <param name="WorkingHours">
/// Weekly working-hour rules in the participant's local time. An empty list means no working time at
/// all (except dates given in <see cref="DateOverrides"/>); use <see cref="WeeklyTimeRule.Always"/> for "any time".
/// </param>
public sealed record ParticipantAvailabilityInput(string ParticipantId, DateTimeZone Zone, IReadOnlyList<WeeklyTimeRule> WorkingHours)
{
    /// <summary>Local dates whose working hours differ from the weekly rules (or that are not worked at all).</summary>
    public IReadOnlyList<DateOverride> DateOverrides { get; init; } = [];

    /// <summary>
    /// The raw busy time (UTC): non-cancelled opaque calendar events (the iCalendar engine's <c>VCalendar.GetBusyIntervals</c> and the provider sources compute them), explicit
    /// blocks, and the participant's own bookings and holds. Not yet widened by buffers: the engine does that.
    /// </summary>
    public IntervalSet Busy { get; init; } = IntervalSet.Empty;

    /// <summary>Minutes that must stay free before any interview of this participant (0 or more).</summary>
    public int BufferBeforeMinutes { get; init; }

    /// <summary>Minutes that must stay free after any interview of this participant (0 or more).</summary>
    public int BufferAfterMinutes { get; init; }

    /// <summary>
    /// The most interviews this interviewer may have on one of their local dates (existing bookings count),
    /// or <see langword="null"/> for no limit. Applies when the participant is an interviewer.
    /// </summary>
    public int? MaxInterviewsPerDay { get; init; }

    /// <summary>
    /// The most interviews this interviewer may have in one ISO week (Monday–Sunday) of their local calendar
    /// (existing bookings count), or <see langword="null"/> for no limit. Applies when the participant is an interviewer.
    /// </summary>
    public int? MaxInterviewsPerWeek { get; init; }

    /// <summary>
    /// Start instants (UTC) of the participant's booked interviews, past and future: counted against the daily and
    /// weekly caps, and (those in the request's trailing fairness window before "now") for pool fairness.
    /// The intervals of these bookings must also be in <see cref="Busy"/>.
    /// </summary>
    public IReadOnlyList<Instant> BookedInterviewStarts { get; init; } = [];

    /// <summary>Soft preference: weekly local times the participant would rather interview in (scored, never required).</summary>
    public IReadOnlyList<WeeklyTimeRule> PreferredTimes { get; init; } = [];

    /// <summary>
    /// What the participant's past interviews say about their times (learned, soft); scored only when the request sets
    /// <see cref="Requests.SchedulingRequest.PreferenceLearning"/>. Default: no history.
    /// </summary>
    public PreferenceHistory PreferenceHistory { get; init; } = PreferenceHistory.Empty;
}
