using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class PoolPageTests(WebAppFixture app)
{
    [Fact]
    public async Task PoolPage_ChartsEachMembersInterviews_WithATableOfTheSameNumbers()
    {
        var id = await DemoBookings.BookAsync(app, "grace", new { name = "technical", durationMinutes = 60, pools = new[] { new { poolId = "backend", count = 1 } } }, 3);
        using var api = app.Api("recruiter");
        var request = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!;
        var member = (string)request["booking"]!["stages"]![0]!["interviewerIds"]![0]!;
        var page = await app.SignedInPageAsync(["recruiter"]);

        await page.GotoAsync("/pools");
        await Expect(page.Locator("[data-pool='backend']")).ToContainTextAsync("RoundRobin");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "pools");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "backend" });
        await Pages.TabToAsync(page, link);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pool backend" })).ToBeVisibleAsync();
        foreach (var name in new[] { "lukas", "jonas", "priya", "arjun" })
        {
            await Expect(page.Locator($"[data-member='{name}']")).ToHaveCountAsync(1);
        }

        var ahead = int.Parse(await page.Locator($"[data-member='{member}'] [data-testid='ahead']").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ahead >= 1, $"{member} was booked for {id} but shows {ahead} interviews ahead.");
        var chart = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Interviews per member") });
        await Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"{ahead} ahead"));
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "pool");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PoolPage_At390Pixels_Fits()
    {
        var page = await app.SignedInPageAsync(["admin"], width: 390);

        await page.GotoAsync("/pools/backend");

        await Expect(page.Locator("[data-member='priya']")).ToHaveCountAsync(1);
        await Pages.AssertFitsWidthAsync(page, 390);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "pool-390px");
        await page.Context.CloseAsync();
    }
}
