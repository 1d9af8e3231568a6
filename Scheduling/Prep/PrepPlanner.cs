namespace Scheduler.Scheduling.Prep;

/// <summary>
/// Plans prep blocks before a booked interview (DESIGN.md §4). Front-loaded: local dates are filled in order from
/// "now", each up to the daily cap, with blocks as long as allowed (up to the maximum block size) placed at the start
/// of each free stretch on the grid, separated by the break; nothing ends within the quiet hours before the
/// interview. Filling early days first keeps the last days before the interview light instead of cramming them.
/// When the free time cannot hold the total, the plan holds what fits and reports the shortfall.
/// </summary>
public static class PrepPlanner
{
    /// <summary>Plans prep blocks.</summary>
    /// <param name="request">The plan's inputs.</param>
    /// <param name="now">The current instant (UTC); no block starts before it.</param>
    /// <returns>The plan, possibly short (with the reason).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or one of its members is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number in <paramref name="request"/> is out of its documented range.</exception>
    public static PrepPlan Plan(PrepPlanRequest request, Instant now)
    {
        Validate(request);
        var latestEnd = request.InterviewStart - Duration.FromHours(request.NoPrepHoursBeforeInterview);
        if (latestEnd <= now)
        {
            return Short(request, [], 0, $"There is no time between now and {request.NoPrepHoursBeforeInterview} hours before the interview.");
        }

        var free = request.CandidateFree.Clip(new TimeInterval(now, latestEnd));
        var zone = request.Zone;
        var step = request.GranularityMinutes;
        var breakLength = Duration.FromMinutes(request.BreakMinutes);
        var remaining = request.TotalMinutes;
        var blocks = new List<TimeInterval>();
        var days = 0;
        var firstDate = now.InZone(zone).Date;
        var lastDate = latestEnd.InZone(zone).Date;
        for (var date = firstDate; date <= lastDate && remaining >= request.MinBlockMinutes; date = date.PlusDays(1))
        {
            days++;
            var day = new TimeInterval(zone.AtStartOfDay(date).ToInstant(), zone.AtStartOfDay(date.PlusDays(1)).ToInstant());
            var quota = Math.Min(request.DailyCapMinutes, remaining);
            foreach (var stretch in free.Clip(day))
            {
                var cursor = AlignUp(stretch.Start, step, zone);
                while (quota >= request.MinBlockMinutes && remaining >= request.MinBlockMinutes)
                {
                    var room = (int)(stretch.End - cursor).TotalMinutes / step * step;
                    var size = Math.Min(Math.Min(request.MaxBlockMinutes, quota), Math.Min(remaining, room));
                    if (cursor >= stretch.End || size < request.MinBlockMinutes)
                    {
                        break;
                    }

                    // Do not leave a remainder too small to become a block when a shorter block avoids it.
                    var rest = remaining - size;
                    if (rest > 0 && rest < request.MinBlockMinutes && size - (request.MinBlockMinutes - rest) >= request.MinBlockMinutes)
                    {
                        size -= request.MinBlockMinutes - rest;
                    }

                    var block = TimeInterval.FromStart(cursor, Duration.FromMinutes(size));
                    blocks.Add(block);
                    quota -= size;
                    remaining -= size;
                    cursor = AlignUp(block.End + breakLength, step, zone);
                }

                if (quota < request.MinBlockMinutes)
                {
                    break;
                }
            }
        }

        var planned = request.TotalMinutes - remaining;
        if (remaining == 0)
        {
            return new PrepPlan(blocks, request.TotalMinutes, planned, 0, null);
        }

        var reason = remaining < request.MinBlockMinutes && blocks.Count > 0
            ? $"The remaining {remaining} minutes are less than the minimum block of {request.MinBlockMinutes} minutes."
            : $"Only {planned} of {request.TotalMinutes} minutes fit in the candidate's free working time over {days} day(s) before the quiet {request.NoPrepHoursBeforeInterview} hours, with at most {request.DailyCapMinutes} minutes a day in blocks of {request.MinBlockMinutes}–{request.MaxBlockMinutes} minutes.";
        return Short(request, blocks, planned, reason);
    }

    private static PrepPlan Short(PrepPlanRequest request, List<TimeInterval> blocks, int planned, string reason) =>
        new(blocks, request.TotalMinutes, planned, request.TotalMinutes - planned, reason);

    private static Instant AlignUp(Instant instant, int granularityMinutes, DateTimeZone zone)
    {
        var step = granularityMinutes * NodaConstants.TicksPerMinute;
        var ticks = instant.ToUnixTimeTicks();
        if (Instant.FromUnixTimeTicks(ticks) < instant)
        {
            ticks++;
        }

        var offset = zone.GetUtcOffset(Instant.FromUnixTimeTicks(ticks)).Ticks;
        var local = ticks + offset;
        var r = ((local % step) + step) % step;
        return Instant.FromUnixTimeTicks(r == 0 ? ticks : ticks + (step - r));
    }

    private static void Validate(PrepPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.CandidateFree);
        ArgumentNullException.ThrowIfNull(request.Zone);
        Positive(request.TotalMinutes, nameof(request.TotalMinutes));
        Positive(request.DailyCapMinutes, nameof(request.DailyCapMinutes));
        Positive(request.MinBlockMinutes, nameof(request.MinBlockMinutes));
        if (request.MaxBlockMinutes < request.MinBlockMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxBlockMinutes, "MaxBlockMinutes must not be less than MinBlockMinutes.");
        }

        Guard.NotNegative(request.NoPrepHoursBeforeInterview, nameof(request.NoPrepHoursBeforeInterview));
        Guard.NotNegative(request.BreakMinutes, nameof(request.BreakMinutes));
        Guard.Granularity(request.GranularityMinutes, nameof(request.GranularityMinutes));
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be at least 1.");
        }
    }
}
