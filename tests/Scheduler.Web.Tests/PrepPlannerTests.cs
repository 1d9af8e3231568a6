using System.Net;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class PrepPlannerTests(WebAppFixture app)
{
    [Fact]
    public async Task PrepPlanner_PlansRePlansAndAddsToTheCalendar_ForABookedInterview()
    {
        var id = await DemoBookings.BookAsync(app, "ada", new { name = "technical", durationMinutes = 60, interviewerIds = new[] { "arjun" } }, 6);
        using var api = app.Api("recruiter");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/v1/interview-requests/{id}/prep-plan")).StatusCode);
        var page = await app.SignedInPageAsync(["recruiter"]);

        // From the request's page, by keyboard.
        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);
        var planLink = page.GetByRole(AriaRole.Link, new() { Name = "Plan the candidate's prep" });
        await Pages.TabToAsync(page, planLink);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prep planner" })).ToBeVisibleAsync();
        await WebAppFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("total-hours")).ToHaveTextAsync("40");

        // An invalid setting is named beside its field, by the API's rules.
        var shortest = page.GetByLabel("Shortest block (minutes)");
        await shortest.FillAsync("10");
        await shortest.PressAsync("Tab");
        await Expect(page.Locator("#prep-min-error")).ToHaveTextAsync("Must be between 15 and 240 minutes.");
        await shortest.FillAsync("60");
        await shortest.PressAsync("Tab");
        await Expect(page.Locator("#prep-min-error")).ToHaveTextAsync(string.Empty);

        var plan = page.GetByRole(AriaRole.Button, new() { Name = "Plan prep" });
        await Pages.TabToAsync(page, plan);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("planned")).ToContainTextAsync("of 40 h");
        var planned = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}/prep-plan"))!;
        Assert.Equal(2400, (int)planned["requestedMinutes"]!);
        Assert.Equal("none", (string?)planned["delivery"]);
        var blocks = planned["blocks"]!.AsArray();
        Assert.NotEmpty(blocks);
        await Expect(page.Locator("[data-kind='Prep']").First).ToContainTextAsync($"prep for {id}");
        await Expect(page.Locator("[data-kind='Booking']").Or(page.Locator("[data-kind='Prep']")).First).ToBeVisibleAsync();

        // Re-plan with 30 hours on the slider.
        await page.GetByLabel("Total prep hours").FillAsync("30");
        await Expect(page.GetByTestId("total-hours")).ToHaveTextAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-plan" }).ClickAsync();
        await Expect(page.GetByTestId("planned")).ToContainTextAsync("of 30 h");
        var replanned = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}/prep-plan"))!;
        Assert.Equal(1800, (int)replanned["requestedMinutes"]!);
        Assert.Equal(30, (int)replanned["settings"]!["totalHours"]!);
        await Pages.AssertAccessibleAsync(page);

        // Add to calendar: ada has no connected calendar, so the blocks are emailed as an .ics.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to calendar" }).ClickAsync();
        await Expect(page.GetByTestId("delivery")).ToContainTextAsync("emailed .ics");
        var added = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}/prep-plan"))!;
        Assert.True((bool)added["settings"]!["addToCalendar"]!);
        Assert.Equal("email", (string?)added["delivery"]);
        Assert.Equal(1800, (int)added["requestedMinutes"]!);
        var published = await app.Mail.WaitForAsync(m => m.Parts.Any(p => p.ContentType == "text/calendar" && p.Content.Contains("METHOD:PUBLISH", StringComparison.Ordinal)));
        Assert.Equal(((JsonArray)added["blocks"]!).Count, CountOf(published.Part("text/calendar").Content, "BEGIN:VEVENT"));
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "prep-planner");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PrepPlanner_At390Pixels_Fits_AndTheAtsRoleMayOnlyRead()
    {
        var id = await DemoBookings.BookAsync(app, "grace", new { name = "culture", durationMinutes = 45, interviewerIds = new[] { "jonas" } }, 5);
        var page = await app.SignedInPageAsync(["ats"], width: 390);

        await page.GotoAsync($"/requests/{id}/prep");
        await WebAppFixture.WaitInteractiveAsync(page);

        await Expect(page.GetByText("Planning needs the recruiter role.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Plan prep" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".week .day")).ToHaveCountAsync(7);
        await Pages.AssertFitsWidthAsync(page, 390);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "prep-planner-390px");
        await page.Context.CloseAsync();
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
