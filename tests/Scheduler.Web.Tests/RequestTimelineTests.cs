using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class RequestTimelineTests(WebAppFixture app)
{
    [Fact]
    public async Task Timeline_ShowsTheStagesBesideEachParticipantsBusyTime_InBothZones()
    {
        var id = await DemoBookings.BookAsync(app, "grace", new { name = "technical", durationMinutes = 45, interviewerIds = new[] { "maya" } }, 2);
        var page = await app.SignedInPageAsync(["recruiter"], timeZone: "Asia/Tokyo");

        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);

        var timeline = page.Locator("section[aria-labelledby='timeline-heading']");
        await Expect(timeline).ToContainTextAsync("The booked interview");
        await Expect(timeline).ToContainTextAsync("You (Asia/Tokyo)");
        await Expect(timeline).ToContainTextAsync("Candidate (America/Chicago)");
        await Expect(timeline.GetByRole(AriaRole.List, new() { Name = "Stages" })).ToContainTextAsync("technical");
        await Expect(timeline.Locator("[data-participant='grace']")).ToContainTextAsync($"Interview: interview {id}");
        await Expect(timeline.Locator("[data-participant='maya']")).ToContainTextAsync($"Interview: interview {id}");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "request-timeline");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Timeline_IsNotShownToTheAtsRole_AsTheBusyRouteIsNot()
    {
        var id = await app.SubmitProposedAsync("ada", "maya");
        var page = await app.SignedInPageAsync(["ats"]);

        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);

        await Expect(page.GetByTestId("status")).ToHaveTextAsync("proposed");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
