using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class BoardTests(WebAppFixture app)
{
    [Fact]
    public async Task Board_ShowsTheDemoRequests_WithCountsByStatus()
    {
        using var api = app.Api("recruiter");
        var page = await app.SignedInPageAsync(["recruiter"]);
        await page.GotoAsync("/");
        await WebAppFixture.WaitInteractiveAsync(page);

        var items = await WebAppFixture.ListAllAsync(api);
        foreach (var group in items.GroupBy(i => (string)i["status"]!))
        {
            await Expect(page.Locator($".counts li[data-status='{group.Key}'] strong")).ToHaveTextAsync(group.Count().ToString(CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator(".counts li[data-status='booked'] strong")).ToHaveTextAsync(items.Count(i => (string)i["status"]! == "booked").ToString(CultureInfo.InvariantCulture));
        foreach (var item in items.Where(i => ((string?)i["externalId"])?.StartsWith("demo-", StringComparison.Ordinal) == true))
        {
            var row = page.Locator($"tr[data-request='{(string)item["id"]!}']");
            await Expect(row).ToContainTextAsync((string)item["externalId"]!);
            await Expect(row).ToContainTextAsync((string)item["candidateId"]!);
        }

        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "board");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Filters_ByCandidate_Interviewer_Pool_Status_AndDay()
    {
        using var api = app.Api("recruiter");
        var items = await WebAppFixture.ListAllAsync(api);
        var page = await app.SignedInPageAsync(["recruiter"]);
        await page.GotoAsync("/");
        await WebAppFixture.WaitInteractiveAsync(page);
        var rows = page.Locator("tbody tr[data-request]");

        await page.GetByLabel("Candidate").FillAsync("grace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(items.Count(i => (string)i["candidateId"]! == "grace"));
        await Expect(rows.Filter(new() { HasNotText = "grace" })).ToHaveCountAsync(0);

        // demo-1 and demo-2 draw from the pool; demo-3 names jonas alone.
        await page.GetByLabel("Candidate").FillAsync(string.Empty);
        await page.GetByLabel("Pool").FillAsync("backend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(rows.Filter(new() { HasText = "demo-1" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "demo-3" })).ToHaveCountAsync(0);

        await page.GetByLabel("Pool").FillAsync(string.Empty);
        await page.GetByLabel("Interviewer").FillAsync("jonas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(rows.Filter(new() { HasText = "demo-3" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "demo-1" })).ToHaveCountAsync(0);

        await page.GetByLabel("Interviewer").FillAsync(string.Empty);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("proposed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(rows.Filter(new() { HasText = "demo-2" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasNotText = "proposed" })).ToHaveCountAsync(0);

        var tomorrow = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(string.Empty);
        await page.GetByLabel("Submitted from (UTC)").FillAsync(tomorrow);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByText("No requests match.")).ToBeVisibleAsync();

        await page.GetByLabel("Submitted from (UTC)").FillAsync(string.Empty);
        await page.GetByLabel("Candidate").FillAsync("not/an id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Candidate: Not a valid id.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StatusChange_AppearsOnTheOpenBoard_WithoutReload()
    {
        var id = await app.SubmitProposedAsync("ada", "lukas");
        var page = await app.SignedInPageAsync(["recruiter"]);
        await page.GotoAsync("/");
        await WebAppFixture.WaitInteractiveAsync(page);
        var status = page.Locator($"tr[data-request='{id}'] [data-status]");
        await Expect(status).ToHaveTextAsync("proposed");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var cancelledBefore = int.Parse(await page.Locator(".counts li[data-status='cancelled'] strong").InnerTextAsync(), CultureInfo.InvariantCulture);

        using var api = app.Api("recruiter");
        (await api.PostAsJsonAsync($"/v1/interview-requests/{id}/cancel", new { reason = "role filled" })).EnsureSuccessStatusCode();

        await Expect(status).ToHaveTextAsync("cancelled");
        await Expect(page.Locator(".counts li[data-status='cancelled'] strong")).ToHaveTextAsync((cancelledBefore + 1).ToString(CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page was reloaded.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Board_At390Pixels_FitsAndIsAccessible_AndWorksByKeyboard()
    {
        var page = await app.SignedInPageAsync(["recruiter"], width: 390);
        await page.GotoAsync("/");
        await WebAppFixture.WaitInteractiveAsync(page);
        await Expect(page.Locator("tbody tr[data-request]").First).ToBeVisibleAsync();

        await Pages.AssertFitsWidthAsync(page, 390);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "board-390px");

        // Filter and open a request with the keyboard alone.
        var candidate = page.GetByLabel("Candidate");
        await Pages.TabToAsync(page, candidate);
        await page.Keyboard.TypeAsync("grace");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("tbody tr[data-request]").Filter(new() { HasNotText = "grace" })).ToHaveCountAsync(0);
        var link = page.Locator("tbody tr[data-request] a").First;
        await Pages.TabToAsync(page, link);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("status")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
