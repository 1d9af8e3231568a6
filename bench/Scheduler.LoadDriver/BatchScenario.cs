namespace Scheduler.LoadDriver;

/// <summary>
/// Creates N interviewers (four zones, working hours) and candidates, posts one batch of interview
/// requests (autoBook, one 60-minute stage with one interviewer each, skewed towards a fifth of the
/// interviewers), then polls the list until every request is terminal and reports wall time and booked/s.
/// </summary>
internal static class BatchScenario
{
    private static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Europe/London"];
    private static readonly string[] Terminal = ["booked", "noAvailability", "failed", "cancelled", "completed"];

    public static async Task<int> RunAsync(GatewayClient api, DriverOptions options)
    {
        var random = new Random(42);
        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Interviewers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await api.PutParticipantAsync($"i{i:D4}", Participant($"Interviewer {i}", "interviewer", Zones[i % Zones.Length], maxPerDay: 4)));
        var candidates = Math.Max(1, options.Requests / 4);
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            await api.PutParticipantAsync($"c{i:D5}", Participant($"Candidate {i}", "candidate", Zones[(i + 1) % Zones.Length], maxPerDay: null)));
        Console.WriteLine($"setup: {options.Interviewers} interviewers, {candidates} candidates in {setup.Elapsed.TotalSeconds:0.0} s");

        var start = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(2);
        var window = new { start = new DateTimeOffset(start, TimeSpan.Zero), end = new DateTimeOffset(start.AddDays(14), TimeSpan.Zero) };
        var requests = Enumerable.Range(0, options.Requests).Select(i =>
        {
            var hot = random.NextDouble() < 0.5;
            var interviewer = hot ? random.Next(options.Interviewers / 5) : random.Next(options.Interviewers);
            return (object)new
            {
                externalId = $"load-{i}",
                candidateId = $"c{i % candidates:D5}",
                mode = "autoBook",
                window,
                stages = new[] { new { name = "interview", durationMinutes = 60, interviewerIds = new[] { $"i{interviewer:D4}" } } },
            };
        }).ToList();

        var clock = Stopwatch.StartNew();
        var items = await api.PostBatchAsync(requests);
        var accepted = clock.Elapsed;
        var rejected = items.Count(item => item!["error"] is not null);
        Console.WriteLine($"batch accepted: {items.Count - rejected} of {items.Count} in {accepted.TotalSeconds:0.00} s ({rejected} rejected)");

        var (booked, noAvailability, other) = (0, 0, 0);
        while (true)
        {
            (booked, noAvailability, other, var pending) = await CountAsync(api);
            if (pending == 0)
            {
                break;
            }

            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,6:0.0} s: booked {booked}, noAvailability {noAvailability}, other terminal {other}, not terminal {pending}");
            await Task.Delay(1000);
        }

        var total = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all terminal after {total.TotalSeconds:0.00} s: booked {booked}, noAvailability {noAvailability}, other {other}; {booked / total.TotalSeconds:0} booked/s, {(booked + noAvailability + other) / total.TotalSeconds:0} terminal/s"));
        return 0;
    }

    private static async Task<(int Booked, int NoAvailability, int Other, int Pending)> CountAsync(GatewayClient api)
    {
        int booked = 0, none = 0, other = 0, pending = 0;
        string? cursor = null;
        do
        {
            var page = await api.ListAsync(cursor, 500);
            foreach (var item in page["items"]!.AsArray())
            {
                var status = item!["status"]!.GetValue<string>();
                switch (status)
                {
                    case "booked":
                        booked++;
                        break;
                    case "noAvailability":
                        none++;
                        break;
                    default:
                        if (Terminal.Contains(status))
                        {
                            other++;
                        }
                        else
                        {
                            pending++;
                        }

                        break;
                }
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return (booked, none, other, pending);
    }

    private static object Participant(string name, string kind, string zone, int? maxPerDay) => new
    {
        displayName = name,
        email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com",
        kind,
        timeZone = zone,
        workingHours = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, start = "09:00", end = "17:00" } },
        bufferBeforeMinutes = 0,
        bufferAfterMinutes = 10,
        maxInterviewsPerDay = maxPerDay,
    };
}
