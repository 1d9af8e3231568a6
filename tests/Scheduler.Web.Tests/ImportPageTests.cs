using System.Text;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class ImportPageTests(WebAppFixture app)
{
    [Fact]
    public async Task CsvImport_BadFileShowsRowErrorsAndSendsNothing_ExampleFileSettles_CountsMatchApi_ReimportAddsNothing()
    {
        using var api = app.Api("ats", "recruiter");
        var page = await app.SignedInPageAsync(["ats", "recruiter"]);
        await page.GotoAsync("/import");
        await WebAppFixture.WaitInteractiveAsync(page);

        // A bad file: an unknown candidate, a duration that is not a number, a window that ends before it starts.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (start, end) = Window();
        var bad = $"""
            externalId,candidateId,durationMinutes,interviewerIds,windowStart,windowEnd
            bad-{tag}-1,nobody-{tag},45,priya,{start},{end}
            bad-{tag}-2,ada,abc,priya,{start},{end}
            bad-{tag}-3,ada,45,priya,{end},{start}
            """;
        await ChooseAsync(page, "bad.csv", bad);

        await Expect(page.GetByTestId("check-summary")).ToContainTextAsync("3 of 3 rows have errors");
        var errors = page.GetByTestId("import-errors");
        await Expect(errors.Locator("tr[data-row='1']")).ToContainTextAsync("candidateId");
        await Expect(errors.Locator("tr[data-row='2']")).ToContainTextAsync("durationMinutes");
        await Expect(errors.Locator("tr[data-row='2']")).ToContainTextAsync("Not a whole number.");
        await Expect(errors.Locator("tr[data-row='3']")).ToContainTextAsync("window");
        await Expect(errors.Locator("tr[data-row='2'] td").Nth(1)).ToHaveTextAsync("3");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Import \\d+ requests$") })).ToHaveCountAsync(0);
        await WebAppFixture.ScreenshotAsync(page, "import-errors");
        Assert.DoesNotContain(await WebAppFixture.ListAllAsync(api), r => ((string?)r["externalId"])?.StartsWith($"bad-{tag}", StringComparison.Ordinal) == true);

        // The example file, downloaded from the page, built from the demo tenant's participants.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "example.csv" }).ClickAsync());
        var example = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var rows = Encoding.UTF8.GetString(example).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.True(rows >= 4, $"The example has {rows} rows.");
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "example.csv", MimeType = "text/csv", Buffer = example });
        await Expect(page.GetByTestId("check-summary")).ToHaveTextAsync($"All {rows} requests are valid.");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Import {rows} requests" }).ClickAsync();
        // The address is polled, not waited for as a navigation: the page moves there in the same document (enhanced
        // navigation), often before the click returns, and no new load event follows.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/import/import-"));
        var importUrl = page.Url;

        // A reload keeps the import: the page reads its record and goes on following the requests.
        // Only the navigation is awaited: the next step waits for the interactive page it needs.
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await WebAppFixture.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("import-state")).ToHaveTextAsync($"Done: all {rows} requests have settled.", new() { Timeout = 120_000 });
        await Expect(page.Locator("#accept-progress")).ToHaveAttributeAsync("value", rows.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#settle-progress")).ToHaveAttributeAsync("value", rows.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel($"Settled: {rows} of {rows}")).ToBeVisibleAsync();
        await WebAppFixture.ScreenshotAsync(page, "import-done");

        // The counts are the API's statuses of the linked requests.
        var links = page.GetByTestId("import-requests").Locator("a[href^='/requests/']");
        await Expect(links).ToHaveCountAsync(rows);
        var ids = (await links.AllTextContentsAsync()).ToList();
        var statuses = new List<string>();
        foreach (var id in ids)
        {
            statuses.Add((string)(await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["status"]!);
        }

        foreach (var status in new[] { "booked", "proposed", "noAvailability", "failed" })
        {
            await Expect(page.Locator($"[data-count='{status}'] strong")).ToHaveTextAsync(statuses.Count(s => s == status).ToString(CultureInfo.InvariantCulture));
        }

        Assert.Contains("booked", statuses);
        Assert.Contains("proposed", statuses);

        // The same file again: the same import, the same requests, nothing new in the tenant.
        var before = (await WebAppFixture.ListAllAsync(api)).Count;
        await page.GotoAsync("/import");
        await WebAppFixture.WaitInteractiveAsync(page);
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "example.csv", MimeType = "text/csv", Buffer = example });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Import {rows} requests" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(importUrl);
        await Expect(page.GetByTestId("import-state")).ToHaveTextAsync($"Done: all {rows} requests have settled.");
        Assert.Equal(ids, await page.GetByTestId("import-requests").Locator("a[href^='/requests/']").AllTextContentsAsync());
        Assert.Equal(before, (await WebAppFixture.ListAllAsync(api)).Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JsonImport_TheBatchBody_IsSentAndSettles()
    {
        using var api = app.Api("ats", "recruiter");
        var page = await app.SignedInPageAsync(["ats"]);
        await page.GotoAsync("/import");
        await WebAppFixture.WaitInteractiveAsync(page);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (start, end) = Window();
        var body = new JsonObject
        {
            ["requests"] = new JsonArray(
                Request($"json-{tag}-1", "grace", "maya", start, end),
                Request($"json-{tag}-2", "ada", "priya", start, end)),
        };

        await ChooseAsync(page, "batch.json", body.ToJsonString());
        await Expect(page.GetByTestId("check-summary")).ToHaveTextAsync("All 2 requests are valid.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 requests" }).ClickAsync();

        await Expect(page.GetByTestId("import-state")).ToHaveTextAsync("Done: all 2 requests have settled.", new() { Timeout = 120_000 });
        await Expect(page.Locator("[data-count='proposed'] strong")).ToHaveTextAsync("2");
        var imported = (await WebAppFixture.ListAllAsync(api)).Where(r => ((string?)r["externalId"])?.StartsWith($"json-{tag}", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, imported.Count);
        Assert.All(imported, r => Assert.Equal("proposed", (string?)r["status"]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ImportPage_At390Pixels_FitsIsAccessibleAndWorksByKeyboard()
    {
        var page = await app.SignedInPageAsync(["ats"], width: 390);
        await page.GotoAsync("/import");
        await WebAppFixture.WaitInteractiveAsync(page);

        await Pages.TabToAsync(page, page.Locator("#import-file"));
        await Pages.AssertFitsWidthAsync(page, 390);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "import-390px");

        var tag = Guid.NewGuid().ToString("N")[..8];
        var (start, end) = Window();
        await ChooseAsync(page, "one.csv", $"externalId,candidateId,durationMinutes,interviewerIds,windowStart,windowEnd\nkbd-{tag},grace,30,lukas;maya,{start},{end}\n");
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import 1 requests" });
        await Pages.TabToAsync(page, import);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("import-state")).ToHaveTextAsync("Done: all 1 requests have settled.", new() { Timeout = 120_000 });
        await Pages.AssertFitsWidthAsync(page, 390);
        await Pages.AssertAccessibleAsync(page);
        await Pages.TabToAsync(page, page.GetByTestId("import-requests").Locator("a").First);
        await WebAppFixture.ScreenshotAsync(page, "import-progress-390px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ImportPage_WithoutTheAtsRole_IsNotAllowed()
    {
        var page = await app.SignedInPageAsync(["recruiter"]);

        await page.GotoAsync("/import");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task ChooseAsync(IPage page, string name, string content) =>
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv",
            Buffer = Encoding.UTF8.GetBytes(content),
        });

    private static (string Start, string End) Window()
    {
        var start = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        return (start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), start.AddDays(8).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
    }

    private static JsonObject Request(string externalId, string candidateId, string interviewerId, string start, string end) => new()
    {
        ["externalId"] = externalId,
        ["candidateId"] = candidateId,
        ["window"] = new JsonObject { ["start"] = start, ["end"] = end },
        ["stages"] = new JsonArray(new JsonObject { ["name"] = "screen", ["durationMinutes"] = 30, ["interviewerIds"] = new JsonArray(interviewerId) }),
    };
}
