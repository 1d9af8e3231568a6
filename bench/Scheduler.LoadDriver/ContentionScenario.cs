using Scheduler.Testing;

namespace Scheduler.LoadDriver;

/// <summary>
/// Packing under contention: per round, three interviewers (UTC, Mon–Fri 09:00–17:00, no buffers) have six free hours
/// on one day, laid out by <see cref="ContentionLayout"/> (the grain test's layout; round r uses seed r) with busy blocks
/// around them; a pool holds all three. N <c>autoBook</c> requests for one-hour interviews on that day, half naming one
/// interviewer and half drawing from the pool, each with its own candidate, are posted at once (one
/// <c>POST /v1/interview-requests</c> each). Once every request is terminal, the round reports how many were booked
/// against how many one-hour interviews fit in the free stretches (each stretch holds its length in hours).
/// </summary>
internal static class ContentionScenario
{
    private static readonly string[] Terminal = ["booked", "noAvailability", "failed", "cancelled", "completed"];

    public static async Task<int> RunAsync(GatewayClient api, DriverOptions options)
    {
        var day = NextWeekday(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(2));
        int rounds = options.Rounds, full = 0, bookedTotal = 0, capacityTotal = 0;
        for (var round = 1; round <= rounds; round++)
        {
            var (booked, capacity, layout) = await RunRoundAsync(api, $"k{round}", round, day, options.Requests);
            full += booked == capacity ? 1 : 0;
            bookedTotal += booked;
            capacityTotal += capacity;
            Console.WriteLine($"round {round}: {layout}: booked {booked} of {capacity}");
        }

        Console.WriteLine($"{full} of {rounds} rounds booked every interview that fits; booked {bookedTotal} of {capacityTotal} in all");
        return 0;
    }

    private static async Task<(int Booked, int Capacity, string Layout)> RunRoundAsync(GatewayClient api, string prefix, int seed, DateTimeOffset day, int requests)
    {
        var free = ContentionLayout.SixFreeHours(seed, day);
        var interviewers = free.Keys.ToArray();
        foreach (var (id, stretches) in free)
        {
            await api.PutParticipantAsync($"{prefix}-{id}", Person(id, "interviewer"));
            await api.PutAsync($"/v1/participants/{prefix}-{id}/blocks", ContentionLayout.BusyAround(day, stretches).Select(b => new { start = b.Start, end = b.End, title = "meeting" }));
        }

        await api.PutAsync($"/v1/pools/{prefix}-pool", new { members = interviewers.Select(id => $"{prefix}-{id}"), strategy = "leastLoaded" });
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
            await api.PutParticipantAsync($"{prefix}-c{n}", Person($"c{n}", "candidate")));

        var window = new { start = day, end = day.AddDays(1) };
        var ids = await Task.WhenAll(Enumerable.Range(0, requests).Select(async n =>
        {
            object stage = n % 2 == 0
                ? new { name = "screen", durationMinutes = 60, interviewerIds = new[] { $"{prefix}-{interviewers[n / 2 % interviewers.Length]}" } }
                : new { name = "screen", durationMinutes = 60, pools = new[] { new { poolId = $"{prefix}-pool", count = 1 } } };
            using var response = await api.Http.PostAsJsonAsync("/v1/interview-requests", new
            {
                externalId = $"{prefix}-{n}",
                candidateId = $"{prefix}-c{n}",
                mode = "autoBook",
                window,
                stages = new[] { stage },
            });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }));

        var statuses = await Task.WhenAll(ids.Select(id => WaitTerminalAsync(api, id)));
        var layout = string.Join("; ", free.Select(p => $"{p.Key} free {string.Join(", ", p.Value.Select(s => $"{s.Start:HH:mm}–{s.End:HH:mm}"))}"));
        return (statuses.Count(s => s == "booked"), free.Values.Sum(ContentionLayout.OneHourInterviews), layout);
    }

    private static async Task<string> WaitTerminalAsync(GatewayClient api, string id)
    {
        while (true)
        {
            var view = (await api.Http.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!;
            var status = view["status"]!.GetValue<string>();
            if (Terminal.Contains(status))
            {
                return status;
            }

            await Task.Delay(100);
        }
    }

    private static DateTimeOffset NextWeekday(DateTime date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return new DateTimeOffset(date, TimeSpan.Zero);
    }

    private static object Person(string name, string kind) => new
    {
        displayName = name,
        email = string.Create(CultureInfo.InvariantCulture, $"{name}@example.com"),
        kind,
        timeZone = "UTC",
        workingHours = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, start = "09:00", end = "17:00" } },
    };
}
