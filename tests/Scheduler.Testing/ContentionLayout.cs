namespace Scheduler.Testing;

/// <summary>
/// The free time of the packing-under-contention test and benchmark: three interviewers (<c>i1</c>–<c>i3</c>) share six
/// free hours on one day, split 4+1+1, 3+2+1 or 2+2+2 in a seeded random order, each share in one or two whole-hour
/// stretches that start on quarter hours between 09:00 and 10:00 UTC (the second one 30–90 minutes after the first), with
/// busy time everywhere else. Without buffers, every stretch holds exactly its length in hours of one-hour interviews.
/// </summary>
public static class ContentionLayout
{
    /// <summary>The free stretches of each interviewer (UTC), for <paramref name="seed"/>, on the day starting at <paramref name="day"/>.</summary>
    /// <param name="seed">Chooses the split and the placement; the same seed gives the same layout.</param>
    /// <param name="day">Midnight UTC of the day.</param>
    /// <returns>Interviewer id → stretches in order.</returns>
    public static IReadOnlyDictionary<string, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>> SixFreeHours(int seed, DateTimeOffset day)
    {
        var random = new Random(seed);
        int[][] splits = [[4, 1, 1], [3, 2, 1], [2, 2, 2]];
        var hours = splits[random.Next(splits.Length)].OrderBy(_ => random.Next()).ToArray();
        var layout = new SortedDictionary<string, IReadOnlyList<(DateTimeOffset, DateTimeOffset)>>(StringComparer.Ordinal);
        for (var i = 0; i < hours.Length; i++)
        {
            var first = hours[i] > 1 && random.Next(2) == 0 ? random.Next(1, hours[i]) : hours[i];
            var start = day.AddHours(9).AddMinutes(15 * random.Next(0, 5));
            var stretches = new List<(DateTimeOffset, DateTimeOffset)> { (start, start.AddHours(first)) };
            if (first < hours[i])
            {
                var next = start.AddHours(first).AddMinutes(15 * random.Next(2, 7));
                stretches.Add((next, next.AddHours(hours[i] - first)));
            }

            layout[$"i{i + 1}"] = stretches;
        }

        return layout;
    }

    /// <summary>How many one-hour interviews fit in <paramref name="stretches"/> (whole hours each, no buffers): their total length in hours.</summary>
    public static int OneHourInterviews(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> stretches) =>
        stretches.Sum(s => (int)(s.End - s.Start).TotalHours);

    /// <summary>Busy time covering the day starting at <paramref name="day"/> except <paramref name="stretches"/> (given in order).</summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> BusyAround(DateTimeOffset day, IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> stretches)
    {
        var busy = new List<(DateTimeOffset, DateTimeOffset)>();
        var from = day;
        foreach (var (start, end) in stretches)
        {
            busy.Add((from, start));
            from = end;
        }

        busy.Add((from, day.AddDays(1)));
        return busy;
    }
}
