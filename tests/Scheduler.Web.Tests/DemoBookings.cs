namespace Scheduler.Web.Tests;

/// <summary>Requests of the demo tenant booked through the API (propose, then select the first proposal), for the pages to show.</summary>
public static class DemoBookings
{
    /// <summary>Submits a request whose window starts <paramref name="daysAhead"/> days after today (UTC) and lasts five days, selects its first proposal and waits until it is booked.</summary>
    /// <returns>The request id.</returns>
    public static async Task<string> BookAsync(WebAppFixture app, string candidateId, object stage, int daysAhead)
    {
        using var api = app.Api("ats", "recruiter");
        var start = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(daysAhead);
        var response = await api.PostAsJsonAsync("/v1/interview-requests", new
        {
            candidateId,
            window = new { start = Rfc3339(start), end = Rfc3339(start.AddDays(5)) },
            stages = new[] { stage },
        });
        response.EnsureSuccessStatusCode();
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await WebAppFixture.WaitForStatusAsync(api, id, "proposed");
        var request = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!;
        var selected = await api.PostAsJsonAsync($"/v1/interview-requests/{id}/selection", new { proposalId = (string)request["proposals"]![0]!["id"]! });
        selected.EnsureSuccessStatusCode();
        await WebAppFixture.WaitForStatusAsync(api, id, "booked");
        return id;
    }

    private static string Rfc3339(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
