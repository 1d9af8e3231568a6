using NodaTime.TimeZones;

namespace Scheduler.Scheduling.Engine;

/// <summary>
/// Slot starts aligned to a granularity counted from local midnight in a given zone (DESIGN.md §4). Alignment is
/// done on local wall-clock time, so in +05:30 or +05:45 zones a 15-minute grid gives 09:00, 09:15, … local,
/// not UTC quarter hours; a local time that occurs twice in a DST overlap yields both instants.
/// </summary>
public static class SlotGrid
{
    private const long TicksPerMinute = NodaConstants.TicksPerMinute;

    /// <summary>The aligned starts <c>s</c> for which <c>[s, s + duration)</c> lies inside one interval of <paramref name="free"/>.</summary>
    /// <param name="free">The free time (UTC).</param>
    /// <param name="duration">The slot length; positive.</param>
    /// <param name="granularityMinutes">Minutes between starts; must divide 1440.</param>
    /// <param name="zone">The zone whose local midnight the grid is counted from.</param>
    /// <returns>Starts in ascending order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive or the granularity does not divide 1440.</exception>
    public static IReadOnlyList<Instant> Starts(IntervalSet free, Duration duration, int granularityMinutes, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(free);
        ArgumentNullException.ThrowIfNull(zone);
        Guard.Granularity(granularityMinutes, nameof(granularityMinutes));
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The duration must be positive.");
        }

        var result = new List<Instant>();
        AppendStarts(free, duration, granularityMinutes, zone, result);
        return result;
    }

    /// <summary>Whether <paramref name="instant"/> falls on the grid (local time is a whole multiple of the granularity after local midnight).</summary>
    /// <param name="instant">The instant (UTC).</param>
    /// <param name="granularityMinutes">Minutes between grid points; must divide 1440.</param>
    /// <param name="zone">The zone.</param>
    /// <returns><see langword="true"/> when aligned.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The granularity does not divide 1440.</exception>
    public static bool IsAligned(Instant instant, int granularityMinutes, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Guard.Granularity(granularityMinutes, nameof(granularityMinutes));
        var ticks = instant.ToUnixTimeTicks();
        var local = ticks + zone.GetUtcOffset(instant).Ticks;
        return FloorMod(local, granularityMinutes * TicksPerMinute) == 0 && Instant.FromUnixTimeTicks(ticks) == instant;
    }

    /// <summary>Appends the aligned starts (see <see cref="Starts"/>) to <paramref name="output"/>; arguments are trusted.</summary>
    internal static void AppendStarts(IntervalSet free, Duration duration, int granularityMinutes, DateTimeZone zone, List<Instant> output)
    {
        var step = granularityMinutes * TicksPerMinute;
        var length = duration.BclCompatibleTicks;
        ZoneInterval? zoneInterval = null;
        long zoneStart = 0, zoneEnd = 0, offset = 0;
        foreach (var interval in free.AsSpan())
        {
            var t = interval.Start.ToUnixTimeTicks();
            if (interval.Start != Instant.FromUnixTimeTicks(t))
            {
                t++; // a sub-tick start: the first whole tick inside the interval
            }

            var last = interval.End.ToUnixTimeTicks() - length;
            while (t <= last)
            {
                if (zoneInterval is null || t < zoneStart || t >= zoneEnd)
                {
                    zoneInterval = zone.GetZoneInterval(Instant.FromUnixTimeTicks(t));
                    zoneStart = zoneInterval.HasStart ? zoneInterval.Start.ToUnixTimeTicks() : long.MinValue;
                    zoneEnd = zoneInterval.HasEnd ? zoneInterval.End.ToUnixTimeTicks() : long.MaxValue;
                    offset = zoneInterval.WallOffset.Ticks;
                }

                var local = t + offset;
                var aligned = local + FloorMod(-local, step) - offset;
                if (aligned >= zoneEnd)
                {
                    t = zoneEnd;
                    continue;
                }

                var stop = Math.Min(last, zoneEnd - 1);
                for (var s = aligned; s <= stop; s += step)
                {
                    output.Add(Instant.FromUnixTimeTicks(s));
                }

                if (stop == last)
                {
                    break;
                }

                t = zoneEnd;
            }
        }
    }

    private static long FloorMod(long value, long modulus)
    {
        var r = value % modulus;
        return r < 0 ? r + modulus : r;
    }
}
