using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Gateway.Web.Auth;
using Scheduler.Gateway.Web.Requests;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

[Collection(WebAppCollection.Name)]
public sealed class SignInTests(WebAppFixture app)
{
    [Fact]
    public async Task Board_WithoutSignIn_SendsToLocalSignIn_ThenBack()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/local\\?returnUrl=%2F$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "sign-in");
        await page.GetByLabel("Tenant").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interview requests" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NoRole_IsRefusedTheBoard()
    {
        var page = await app.SignedInPageAsync([]);

        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "not-allowed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AtsRole_ReadsRequests_ButSeesNoActions_AndIsRefusedThem()
    {
        var id = await app.SubmitProposedAsync("grace", "arjun");
        var page = await app.SignedInPageAsync(["ats"]);

        await page.GotoAsync($"/requests/{id}");
        await WebAppFixture.WaitInteractiveAsync(page);

        await Expect(page.GetByTestId("status")).ToHaveTextAsync("proposed");
        await Expect(page.Locator("[data-proposal]").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Select proposal p1" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel request" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // The page's actions judge the viewer by the API's policy, so hiding the button is not the only guard.
        var actions = app.Gateway.Services.GetRequiredService<RequestActions>();
        var ats = LocalSignIn.CreatePrincipal("demo", ["ats"], "someone");
        var refused = await actions.SelectAsync(ats, id, "p1");
        Assert.Equal(ActionOutcome.Refused, refused.Outcome);
        Assert.Equal(ActionOutcome.Refused, (await actions.CancelAsync(ats, id, null)).Outcome);
        Assert.Equal(ActionOutcome.Refused, (await actions.CancelAsync(new ClaimsPrincipal(new ClaimsIdentity()), id, null)).Outcome);
        using var api = app.Api("ats");
        await WebAppFixture.WaitForStatusAsync(api, id, "proposed");
    }
}
