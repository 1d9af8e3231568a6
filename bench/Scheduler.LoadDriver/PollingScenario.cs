using System.Net;

namespace Scheduler.LoadDriver;

/// <summary>
/// Status polling as recruiter dashboards do it: C clients each GET one of a set of existing
/// requests in a loop for S seconds, optionally with If-None-Match (expecting 304). Reports GET/s
/// and latency percentiles.
/// </summary>
internal static class PollingScenario
{
    public static async Task<int> RunAsync(GatewayClient api, DriverOptions options)
    {
        var ids = await CreateRequestsAsync(api, "poll", 100);
        await Task.Delay(2000); // let negotiation settle so ETags stay stable during the run
        var etags = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            using var response = await api.Http.GetAsync($"/v1/interview-requests/{id}");
            etags[id] = response.Headers.ETag!.Tag;
        }

        var latencies = new List<double>[options.Clients];
        var statuses = new int[options.Clients, 2];
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(options.Seconds);
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            var own = latencies[client] = new List<double>(100_000);
            var n = client;
            while (deadline.Elapsed < limit)
            {
                var id = ids[n++ % ids.Count];
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/interview-requests/{id}");
                if (options.UseETag)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etags[id]);
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await api.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                statuses[client, response.StatusCode == HttpStatusCode.NotModified ? 1 : 0]++;
            }
        })));

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var notModified = Enumerable.Range(0, options.Clients).Sum(c => statuses[c, 1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Clients} clients, {options.Seconds} s, If-None-Match: {options.UseETag}: {all.Length} GETs ({notModified} × 304), {all.Length / deadline.Elapsed.TotalSeconds:0} GET/s, p50 {Percentile(all, 0.50):0.00} ms, p99 {Percentile(all, 0.99):0.00} ms, max {all[^1]:0.00} ms"));
        return 0;
    }

    /// <summary>Creates a candidate, an interviewer and <paramref name="count"/> requests for them (ids prefixed <paramref name="prefix"/>).</summary>
    public static async Task<List<string>> CreateRequestsAsync(GatewayClient api, string prefix, int count)
    {
        await api.PutParticipantAsync($"{prefix}-c", new { displayName = "Poll Candidate", email = "c@example.com", kind = "candidate", timeZone = "Europe/Berlin", workingHours = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, start = "09:00", end = "17:00" } } });
        await api.PutParticipantAsync($"{prefix}-i", new { displayName = "Poll Interviewer", email = "i@example.com", kind = "interviewer", timeZone = "Europe/Berlin", workingHours = new[] { new { days = new[] { "Mon", "Tue", "Wed", "Thu", "Fri" }, start = "09:00", end = "17:00" } } });
        var start = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(2), TimeSpan.Zero);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await api.Http.PostAsJsonAsync("/v1/interview-requests", new
            {
                externalId = $"{prefix}-{i}",
                candidateId = $"{prefix}-c",
                window = new { start, end = start.AddDays(14) },
                stages = new[] { new { name = "interview", durationMinutes = 30, interviewerIds = new[] { $"{prefix}-i" } } },
            });
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        }

        return ids;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
