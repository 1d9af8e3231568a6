namespace Scheduler.Scheduling.Participants;

/// <summary>
/// Free time and free slots of a single participant, for the <c>/availability</c> endpoint. These are the
/// same sets the engine schedules from, so what this reports free is what a request can book.
/// </summary>
public static class ParticipantAvailability
{
    /// <summary>
    /// The participant's free working time inside <paramref name="window"/>: working hours (DST-exact, with date
    /// overrides) minus busy time widened by the participant's buffers, minus (when <paramref name="applyCaps"/>)
    /// whole local days and ISO weeks on which the daily or weekly cap is already reached.
    /// </summary>
    /// <param name="participant">The participant.</param>
    /// <param name="window">The UTC range to report.</param>
    /// <param name="applyCaps">Whether to remove days and weeks already at the participant's caps.</param>
    /// <returns>Sorted, coalesced free intervals (UTC) inside the window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participant"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A buffer is negative.</exception>
    public static IntervalSet FreeIntervals(ParticipantAvailabilityInput participant, TimeInterval window, bool applyCaps = true)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var state = new EngineParticipant(participant, window);
        return applyCaps ? state.Available : state.Free;
    }

    /// <summary>
    /// The slots at which an interview of <paramref name="durationMinutes"/> fits in the participant's free working
    /// time: starts aligned to <paramref name="granularityMinutes"/> from local midnight in the participant's own zone.
    /// </summary>
    /// <param name="participant">The participant.</param>
    /// <param name="window">The UTC range; every slot lies inside it.</param>
    /// <param name="durationMinutes">Slot length in minutes, 1 to 1440.</param>
    /// <param name="granularityMinutes">Step between starts in minutes; must divide 1440 (5, 10, 15, 20, 30, 60, …). Default 15.</param>
    /// <returns>Slots in ascending order of start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participant"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The duration or granularity is out of range.</exception>
    public static IReadOnlyList<TimeInterval> Slots(ParticipantAvailabilityInput participant, TimeInterval window, int durationMinutes, int granularityMinutes = 15)
    {
        ArgumentNullException.ThrowIfNull(participant);
        Guard.Duration(durationMinutes, nameof(durationMinutes));
        var length = Duration.FromMinutes(durationMinutes);
        var starts = SlotGrid.Starts(FreeIntervals(participant, window), length, granularityMinutes, participant.Zone);
        var slots = new TimeInterval[starts.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = TimeInterval.FromStart(starts[i], length);
        }

        return slots;
    }
}
