namespace Scheduler.Scheduling.Engine;

/// <summary>
/// One participant's input evaluated over a UTC range: working time, buffered busy time, free time,
/// cap counters and preferred times. Built once per scheduling call (or once per batch) and then only read.
/// </summary>
internal sealed class EngineParticipant
{
    private IntervalSet? _available;
    private IntervalSet? _dayCapBlocked;
    private IntervalSet? _weekCapBlocked;
    private IntervalSet? _preferred;
    private Dictionary<LocalDate, int>? _dayCounts;
    private Dictionary<LocalDate, int>? _weekCounts;

    public EngineParticipant(ParticipantAvailabilityInput input, TimeInterval range)
    {
        ArgumentNullException.ThrowIfNull(input.Zone);
        ArgumentNullException.ThrowIfNull(input.Busy);
        Guard.NotNegative(input.BufferBeforeMinutes, nameof(input.BufferBeforeMinutes));
        Guard.NotNegative(input.BufferAfterMinutes, nameof(input.BufferAfterMinutes));
        Input = input;
        Range = range;
        BufferBefore = Duration.FromMinutes(input.BufferBeforeMinutes);
        BufferAfter = Duration.FromMinutes(input.BufferAfterMinutes);
        Working = WorkingHours.Materialize(input.Zone, input.WorkingHours, input.DateOverrides, range);
        BusyWidened = input.Busy.Widen(BufferAfter, BufferBefore);
        Free = Working.Subtract(BusyWidened);
    }

    public ParticipantAvailabilityInput Input { get; }

    public string Id => Input.ParticipantId;

    public DateTimeZone Zone => Input.Zone;

    public TimeInterval Range { get; }

    public Duration BufferBefore { get; }

    public Duration BufferAfter { get; }

    /// <summary>Working hours inside the range.</summary>
    public IntervalSet Working { get; }

    /// <summary>Raw busy widened so that an interview avoiding it keeps both buffers free.</summary>
    public IntervalSet BusyWidened { get; }

    /// <summary>Working time minus buffered busy time.</summary>
    public IntervalSet Free { get; }

    /// <summary>Whole local days on which the daily cap is already reached by existing bookings.</summary>
    public IntervalSet DayCapBlocked => _dayCapBlocked ??= BuildCapBlocked(Input.MaxInterviewsPerDay, DayCounts, 1);

    /// <summary>Whole local ISO weeks in which the weekly cap is already reached by existing bookings.</summary>
    public IntervalSet WeekCapBlocked => _weekCapBlocked ??= BuildCapBlocked(Input.MaxInterviewsPerWeek, WeekCounts, 7);

    /// <summary>Free time minus the days and weeks already at a cap: where this participant can interview.</summary>
    public IntervalSet Available => _available ??= HasCaps ? Free.Subtract(DayCapBlocked).Subtract(WeekCapBlocked) : Free;

    /// <summary>The participant's preferred times inside the range (empty when none are set).</summary>
    public IntervalSet Preferred => _preferred ??= Input.PreferredTimes.Count == 0
        ? IntervalSet.Empty
        : WorkingHours.Materialize(Zone, Input.PreferredTimes, [], Range);

    public bool HasCaps => Input.MaxInterviewsPerDay is not null || Input.MaxInterviewsPerWeek is not null;

    public Dictionary<LocalDate, int> DayCounts => _dayCounts ??= Count(static d => d);

    public Dictionary<LocalDate, int> WeekCounts => _weekCounts ??= Count(static d => d.IsoWeekStart());

    public LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>Existing bookings whose start is in <c>[from, to)</c>: the pool fairness load.</summary>
    public int BookingsBetween(Instant from, Instant to) => Input.BookedInterviewStarts.Count(start => start >= from && start < to);

    /// <summary>Whether <paramref name="extraDay"/> more interviews on <paramref name="date"/> (and <paramref name="extraWeek"/> in its week) stay within the caps.</summary>
    public bool CapsAllow(LocalDate date, int extraDay, int extraWeek)
    {
        if (Input.MaxInterviewsPerDay is { } maxDay && DayCounts.GetValueOrDefault(date) + extraDay > maxDay)
        {
            return false;
        }

        return Input.MaxInterviewsPerWeek is not { } maxWeek || WeekCounts.GetValueOrDefault(date.IsoWeekStart()) + extraWeek <= maxWeek;
    }

    private Dictionary<LocalDate, int> Count(Func<LocalDate, LocalDate> key)
    {
        var counts = new Dictionary<LocalDate, int>();
        foreach (var start in Input.BookedInterviewStarts)
        {
            var k = key(LocalDateOf(start));
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        return counts;
    }

    private IntervalSet BuildCapBlocked(int? cap, Dictionary<LocalDate, int> counts, int days)
    {
        if (cap is not { } max)
        {
            return IntervalSet.Empty;
        }

        if (max <= 0)
        {
            return IntervalSet.Single(Range);
        }

        var blocked = new List<TimeInterval>();
        foreach (var (date, count) in counts)
        {
            if (count >= max)
            {
                blocked.Add(new TimeInterval(Zone.AtStartOfDay(date).ToInstant(), Zone.AtStartOfDay(date.PlusDays(days)).ToInstant()));
            }
        }

        return IntervalSet.From(blocked);
    }
}
