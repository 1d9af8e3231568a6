namespace Scheduler.Gateway.Tests;

/// <summary>Small HTTP helpers over the API's JSON.</summary>
public static class Api
{
    public static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    /// <summary>Monday 00:00 UTC of the week after next Sunday: always at least a day ahead.</summary>
    public static DateTimeOffset NextMonday(int weeksLater = 0)
    {
        var today = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days).AddDays(7 * weeksLater);
    }

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public static async Task<HttpResponseMessage> SendJson(this HttpClient client, HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PutAsJsonAsyncRaw(this HttpClient client, string url, string json) => client.SendJson(HttpMethod.Put, url, json);

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static async Task<JsonNode> Json(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    public static async Task<JsonNode> GetJson(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Json();
    }

    public static async Task PutParticipant(
        this HttpClient client, string id, string zone = "Etc/UTC", string start = "09:00", string end = "17:00", string kind = "interviewer", int? maxPerDay = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["displayName"] = $"Person {id}",
            ["email"] = $"{id}@example.test",
            ["kind"] = kind,
            ["timeZone"] = zone,
            ["workingHours"] = new[] { new { days = Weekdays, start, end } },
            ["maxInterviewsPerDay"] = maxPerDay,
        };
        var response = await client.PutAsJsonAsync($"/v1/participants/{id}", body);
        Assert.True(response.IsSuccessStatusCode, $"PUT participant {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static object Request(string candidate, string[] interviewers, DateTimeOffset start, DateTimeOffset end, string mode = "propose", string? externalId = null, int duration = 60) => new
    {
        externalId,
        candidateId = candidate,
        stages = new[] { new { name = "interview", durationMinutes = duration, interviewerIds = interviewers } },
        window = new { start = Iso(start), end = Iso(end) },
        mode,
    };

    public static async Task<JsonNode> Submit(this HttpClient client, object body)
    {
        var response = await client.PostJson("/v1/interview-requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST request: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Json();
    }

    /// <summary>Polls a request until <paramref name="done"/> holds, for at most <paramref name="seconds"/> of real time.</summary>
    public static async Task<JsonNode> WaitForRequest(this HttpClient client, string id, Func<JsonNode, bool> done, int seconds = 60)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(seconds);
        while (true)
        {
            var view = await client.GetJson($"/v1/interview-requests/{id}");
            if (done(view))
            {
                return view;
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"Request {id} did not reach the expected state in {seconds} s; last: {view.ToJsonString()}");
            }

            await Task.Delay(50);
        }
    }

    public static Task<JsonNode> WaitForStatus(this HttpClient client, string id, string status, int seconds = 60) =>
        client.WaitForRequest(id, view => (string?)view["status"] == status, seconds);

    public static async Task<List<(DateTimeOffset Start, DateTimeOffset End, string Source, string? RequestId)>> Busy(this HttpClient client, string participant, DateTimeOffset from, DateTimeOffset to)
    {
        var busy = await client.GetJson($"/v1/participants/{participant}/busy?from={Iso(from)}&to={Iso(to)}");
        return busy["intervals"]!.AsArray()
            .Select(i => (DateTimeOffset.Parse((string)i!["start"]!), DateTimeOffset.Parse((string)i["end"]!), (string)i["source"]!, (string?)i["requestId"]))
            .ToList();
    }

    public static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal((int)status, (int)problem["status"]!);
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field), $"Expected an error for '{field}': {text}");
        }
    }
}
