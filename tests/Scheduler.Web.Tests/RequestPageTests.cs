using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class RequestPageTests(WebAppFixture app)
{
    [Fact]
    public async Task RequestPage_ShowsProposals_InBothZones_SelectBooks_CancelReleases()
    {
        var id = await app.SubmitProposedAsync("ada", "priya");
        using var api = app.Api("recruiter");
        var request = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!;
        var first = request["proposals"]![0]!;
        var page = await app.SignedInPageAsync(["recruiter"], timeZone: "Asia/Tokyo");

        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);

        await Expect(page.GetByTestId("status")).ToHaveTextAsync("proposed");
        var proposal = page.Locator($"[data-proposal='{(string)first["id"]!}']");
        await Expect(proposal).ToContainTextAsync($"score {(double)first["score"]!:0.##}");
        await Expect(proposal).ToContainTextAsync((string)first["reasons"]![0]!["description"]!);
        await Expect(proposal.GetByRole(AriaRole.Columnheader, new() { Name = "Your time (Asia/Tokyo)" })).ToBeVisibleAsync();
        await Expect(proposal.GetByRole(AriaRole.Columnheader, new() { Name = "Candidate's time (Europe/London)" })).ToBeVisibleAsync();
        var start = DateTimeOffset.Parse((string)first["stages"]![0]!["start"]!, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(proposal).ToContainTextAsync(Scheduler.Gateway.Web.Requests.ZoneTime.Format(start, "Asia/Tokyo"));
        await Expect(proposal).ToContainTextAsync(Scheduler.Gateway.Web.Requests.ZoneTime.Format(start, "Europe/London"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "History table" }).Or(page.Locator("section[aria-labelledby='history-heading'] table"))).ToContainTextAsync("pending");
        await Expect(page.Locator("section[aria-labelledby='notifications-heading']")).ToContainTextAsync("ProposalsReady");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "request-proposed");

        // Select by keyboard: the button is reachable with Tab and pressed with Enter.
        var select = page.GetByRole(AriaRole.Button, new() { Name = $"Select proposal {(string)first["id"]!}" });
        await Pages.TabToAsync(page, select);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("booked", new() { Timeout = 60_000 });
        await WebAppFixture.WaitForStatusAsync(api, id, "booked");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Booked stages" })).ToBeVisibleAsync();
        await Expect(page.Locator("section[aria-labelledby='notifications-heading']")).ToContainTextAsync("Booked");
        await WebAppFixture.ScreenshotAsync(page, "request-booked");

        await page.GetByLabel("Reason for cancelling (optional)").FillAsync("candidate withdrew");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel request" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("cancelled");
        await WebAppFixture.WaitForStatusAsync(api, id, "cancelled");
        var cancelled = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!;
        Assert.Contains("candidate withdrew", cancelled.ToJsonString(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel request" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RequestPage_At390Pixels_FitsAndIsAccessible()
    {
        var id = await app.SubmitProposedAsync("grace", "maya");
        var page = await app.SignedInPageAsync(["recruiter"], width: 390);

        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-proposal]").First).ToBeVisibleAsync();

        await Pages.AssertFitsWidthAsync(page, 390);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "request-390px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownRequest_SaysSo()
    {
        var page = await app.SignedInPageAsync(["recruiter"]);

        await page.GotoAsync("/requests/no-such-request");

        await Expect(page.GetByText("No interview request with this id.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
