using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class RescheduleAndDiagnosisTests(WebAppFixture app)
{
    private const string ViewerZone = "Asia/Tokyo";

    [Fact]
    public async Task Reschedule_ByKeyboard_MovesTheBookingIntoTheNewWindow()
    {
        using var api = app.Api("ats", "recruiter");
        var tomorrow = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var id = await SubmitAsync(api, new JsonObject
        {
            ["candidateId"] = "grace",
            ["mode"] = "autoBook",
            ["window"] = Window(tomorrow, tomorrow.AddDays(8)),
            ["stages"] = new JsonArray(new JsonObject { ["name"] = "technical", ["durationMinutes"] = 30, ["interviewerIds"] = new JsonArray("maya") }),
        });
        await WebAppFixture.WaitForStatusAsync(api, id, "booked");
        var before = DateTimeOffset.Parse(BookedStart(await GetAsync(api, id)), CultureInfo.InvariantCulture);

        // The new window starts two days after the current booking, at midnight in the viewer's zone (the inputs' zone).
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById(ViewerZone);
        var newStartLocal = TimeZoneInfo.ConvertTime(before, tokyo).Date.AddDays(2);
        var newStart = new DateTimeOffset(newStartLocal, tokyo.GetUtcOffset(newStartLocal));
        var page = await app.SignedInPageAsync(["recruiter"], timeZone: ViewerZone);
        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("booked");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "request-reschedule");

        await page.GetByLabel("New window start (optional)").FillAsync(newStartLocal.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("New window end (optional)").FillAsync(newStartLocal.AddDays(5).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        var reschedule = page.GetByRole(AriaRole.Button, new() { Name = "Reschedule", Exact = true });
        await Pages.TabToAsync(page, reschedule);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Booking released" })).ToBeVisibleAsync();
        await WaitForMoveAsync(api, id, before);
        var after = DateTimeOffset.Parse(BookedStart(await GetAsync(api, id)), CultureInfo.InvariantCulture);
        Assert.True(after >= newStart && after < newStart.AddDays(5), $"Booked at {after:O}; the new window starts {newStart:O}.");
        Assert.Contains("rescheduling", (await GetAsync(api, id))["history"]!.AsArray().Select(h => (string?)h!["status"]));
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("booked");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reschedule_AWindowEndingBeforeItStarts_IsRefusedByTheRoutesRule()
    {
        using var api = app.Api("ats", "recruiter");
        var tomorrow = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var id = await SubmitAsync(api, new JsonObject
        {
            ["candidateId"] = "ada",
            ["mode"] = "autoBook",
            ["window"] = Window(tomorrow, tomorrow.AddDays(8)),
            ["stages"] = new JsonArray(new JsonObject { ["name"] = "culture", ["durationMinutes"] = 30, ["interviewerIds"] = new JsonArray("arjun") }),
        });
        await WebAppFixture.WaitForStatusAsync(api, id, "booked");
        var page = await app.SignedInPageAsync(["recruiter"], width: 390, timeZone: ViewerZone);
        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("booked");
        await Pages.AssertFitsWidthAsync(page, 390);

        await page.GetByLabel("New window start (optional)").FillAsync("2031-01-10T09:00");
        await page.GetByLabel("New window end (optional)").FillAsync("2031-01-09T09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "window.end: Must be after start." })).ToBeVisibleAsync();
        Assert.Equal("booked", (string?)(await GetAsync(api, id))["status"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NoAvailability_ShowsTheConstraintAndTheParticipant()
    {
        using var admin = app.Api("admin");
        using var api = app.Api("ats", "recruiter");
        var weekender = $"weekender-{Guid.NewGuid():N}"[..20];
        var put = await admin.PutAsJsonAsync($"/v1/participants/{weekender}", new
        {
            displayName = "Wendy Weekend",
            kind = "interviewer",
            timeZone = "America/Chicago",
            workingHours = new[] { new { days = new[] { "Sat", "Sun" }, start = "10:00", end = "14:00" } },
        });
        put.EnsureSuccessStatusCode();
        var tomorrow = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var id = await SubmitAsync(api, new JsonObject
        {
            ["candidateId"] = "grace",
            ["window"] = Window(tomorrow, tomorrow.AddDays(8)),
            ["stages"] = new JsonArray(new JsonObject { ["name"] = "weekend-chat", ["durationMinutes"] = 30, ["interviewerIds"] = new JsonArray(weekender) }),
        });
        await WebAppFixture.WaitForStatusAsync(api, id, "noAvailability");
        var request = await GetAsync(api, id);
        Assert.Equal("noWorkingHoursOverlap", (string?)request["reasonCode"]);

        var page = await app.SignedInPageAsync(["recruiter"]);
        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);

        var detail = page.GetByTestId("no-availability");
        await Expect(detail.GetByRole(AriaRole.Heading, new() { Name = "Why no time was found" })).ToBeVisibleAsync();
        await Expect(detail.GetByTestId("constraint")).ToContainTextAsync("Working hours never overlap the candidate's.");
        await Expect(detail.GetByTestId("constraint")).ToContainTextAsync("noWorkingHoursOverlap");
        await Expect(detail.GetByTestId("blamed-participant")).ToHaveTextAsync($"Wendy Weekend ({weekender})");
        await Expect(detail.GetByTestId("diagnosis")).ToHaveTextAsync((string)request["reason"]!);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "request-no-availability");
        await page.Context.CloseAsync();
    }

    private static JsonObject Window(DateTimeOffset start, DateTimeOffset end) => new()
    {
        ["start"] = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["end"] = end.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    private static async Task<string> SubmitAsync(HttpClient api, JsonObject body)
    {
        var response = await api.PostAsJsonAsync("/v1/interview-requests", body);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<JsonObject> GetAsync(HttpClient api, string id) => (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!;

    private static string BookedStart(JsonObject request) => (string)request["booking"]!["stages"]![0]!["start"]!;

    /// <summary>Waits until the API reports the request booked again at another time than <paramref name="before"/>.</summary>
    private static async Task WaitForMoveAsync(HttpClient api, string id, DateTimeOffset before)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var request = await GetAsync(api, id);
            if ((string?)request["status"] == "booked" && DateTimeOffset.Parse(BookedStart(request), CultureInfo.InvariantCulture) != before)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Request {id} was not booked again at another time.");
    }
}
