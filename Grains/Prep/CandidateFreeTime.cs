using Scheduler.Scheduling.Intervals;
using Scheduler.Scheduling.Participants;

namespace Scheduler.Grains.Prep;

/// <summary>
/// The free working time a prep plan may use, as the engine defines free time for the candidate
/// (<see cref="ParticipantAvailability.FreeIntervals"/>): working hours in the candidate's zone (DST-exact, with date
/// overrides) minus busy time (calendars, blocks, bookings, holds: <see cref="IParticipantGrain.GetBusy"/>) widened by
/// the candidate's buffers. Daily interview caps do not apply to prep. The plan's own blocks, once written to the
/// candidate's calendar, come back as calendar busy time; that part is not counted, so re-planning can keep them.
/// </summary>
internal static class CandidateFreeTime
{
    /// <summary>Reads the candidate's busy time and computes the free time.</summary>
    /// <param name="candidate">The candidate's grain.</param>
    /// <param name="candidateId">The candidate's id (without tenant).</param>
    /// <param name="profile">The candidate's profile.</param>
    /// <param name="window">Where to look (UTC); end after start.</param>
    /// <param name="ownBlocks">The plan's blocks now in the candidate's calendar.</param>
    /// <returns>The free intervals inside <paramref name="window"/> (UTC).</returns>
    /// <exception cref="ArgumentException">The profile's zone or hours cannot be read (profiles are validated when stored).</exception>
    public static async Task<IntervalSet> ReadAsync(
        IParticipantGrain candidate, string candidateId, ParticipantProfile profile, TimeRange window, IEnumerable<TimeRange> ownBlocks)
    {
        var busy = await candidate.GetBusy(window);
        var own = IntervalSet.From(ownBlocks.Select(EngineMapping.ToInterval));
        var calendar = IntervalSet.From(busy.Intervals.Where(i => i.Source == BusySourceKind.Calendar && i.End > i.Start).Select(i => EngineMapping.ToInterval(new TimeRange(i.Start, i.End))))
            .Subtract(own);
        var others = busy.Intervals.Where(i => i.Source != BusySourceKind.Calendar).Select(i => new TimeRange(i.Start, i.End));
        var data = new ParticipantAvailabilityData(candidateId, true, profile.TimeZone, profile.WorkingHours)
        {
            DateOverrides = profile.DateOverrides,
            Busy = [.. calendar.Select(EngineMapping.ToRange), .. others],
            BufferBeforeMinutes = profile.BufferBeforeMinutes,
            BufferAfterMinutes = profile.BufferAfterMinutes,
        };
        return ParticipantAvailability.FreeIntervals(EngineMapping.ToEngineInput(data), EngineMapping.ToInterval(window), applyCaps: false);
    }
}
