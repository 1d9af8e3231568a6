using System.Net;
using System.Text.RegularExpressions;
using Scheduler.Gateway.Web.Requests;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Web.Tests;

/// <summary>
/// The candidate's "Choose a time" email carries a link per proposal; following one books that time without signing in.
/// When the tenant allows it, the booking email carries a link that asks for another time. A pool member without Slack
/// takes a first-to-accept offer from its email's link.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class ActionLinkPageTests(WebAppFixture app)
{
    [Fact]
    public async Task Candidate_BooksTheSecondProposal_FromTheEmailLink_AndTheOtherLinksClose()
    {
        var id = await app.SubmitProposedAsync("grace", "maya");
        using var api = app.Api("ats", "recruiter");
        var proposals = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["proposals"]!.AsArray();
        Assert.True(proposals.Count >= 2, "The test needs two proposals.");

        // The email went to the real SMTP server: one link per proposal, in order, in the text and the HTML part.
        var mail = await CandidateProposalsEmailAsync(api, id);
        var links = BookLink().Matches(mail.Part("text/plain").Content).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(proposals.Count, links.Count);
        Assert.All(links, link => Assert.StartsWith(new Uri(app.BaseAddress, "act/").AbsoluteUri, link, StringComparison.Ordinal));
        Assert.All(links, link => Assert.Contains($"href=\"{link}\"", mail.Part("text/html").Content, StringComparison.Ordinal));
        Assert.Equal(links.Count, links.Distinct(StringComparer.Ordinal).Count());

        // Not signed in, in a browser set to another zone: the time shows in the candidate's zone (America/Chicago).
        var page = await app.NewPageAsync(timeZone: "Asia/Tokyo");
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(links[0]);
        var shown = await page.GotoAsync(links[1]);
        Assert.Contains("no-store", shown!.Headers["cache-control"], StringComparison.Ordinal);
        Assert.Equal("no-referrer", shown.Headers["referrer-policy"]);
        var chosenStart = (DateTimeOffset)proposals[1]!["stages"]![0]!["start"]!;
        await Expect(page.Locator(".action-slot")).ToContainTextAsync(ZoneTime.Format(chosenStart, "America/Chicago"));
        await Expect(page.Locator(".action-slot")).ToContainTextAsync("America/Chicago");
        await Pages.AssertAccessibleAsync(page);
        await WebAppFixture.ScreenshotAsync(page, "action-link");
        Assert.Equal("proposed", (string?)(await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["status"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("being booked");

        // The other proposal, still open in another tab, pressed after the choice: told it is gone, nothing booked twice.
        await other.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("can no longer be chosen");

        await WebAppFixture.WaitForStatusAsync(api, id, "booked");
        var booking = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["booking"]!;
        Assert.Equal(chosenStart, (DateTimeOffset)booking["stages"]![0]!["start"]!);

        // The same link again says it is booked; another proposal's link is closed, with nothing to press.
        await page.GotoAsync(links[1]);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is booked");
        await page.GotoAsync(links[0]);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("can no longer be chosen");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Book this time" })).ToHaveCountAsync(0);

        // A changed token shows nothing of the request.
        await page.GotoAsync(links[0][..^6] + (links[0][^6..] == "AAAAAA" ? "BBBBBB" : "AAAAAA"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("not valid");
        await Expect(page.Locator(".action-slot")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Candidate_AsksForAnotherTime_FromTheBookingEmail_TimeReleasedAndNewTimesProposed()
    {
        using var admin = app.Api("admin");
        using var api = app.Api("ats", "recruiter");
        using var allow = await admin.PutAsJsonAsync("/v1/settings/scheduling", new { candidateRescheduling = true });
        try
        {
            allow.EnsureSuccessStatusCode();
            var id = await app.SubmitProposedAsync("grace", "maya");
            var proposal = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["proposals"]![0]!;
            using var select = await api.PostAsJsonAsync($"/v1/interview-requests/{id}/selection", new { proposalId = (string)proposal["id"]! });
            Assert.Equal(HttpStatusCode.Accepted, select.StatusCode);
            await WebAppFixture.WaitForStatusAsync(api, id, "booked");
            var bookedStart = (DateTimeOffset)proposal["stages"]![0]!["start"]!;

            var mail = await CandidateEmailAsync(api, id, "booked");
            var link = AskLink().Match(mail.Part("text/plain").Content).Groups[1].Value;
            Assert.StartsWith(new Uri(app.BaseAddress, "act/").AbsoluteUri, link, StringComparison.Ordinal);
            Assert.Contains($"href=\"{link}\"", mail.Part("text/html").Content, StringComparison.Ordinal);

            var page = await app.NewPageAsync(timeZone: "Asia/Tokyo");
            await page.GotoAsync(link);
            await Expect(page.Locator(".action-slot")).ToContainTextAsync(ZoneTime.Format(bookedStart, "America/Chicago"));
            await Pages.AssertAccessibleAsync(page);
            Assert.Equal("booked", (string?)(await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["status"]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask for another time" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("released at your request");

            await WebAppFixture.WaitForStatusAsync(api, id, "proposed");
            var request = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!;
            Assert.Null(request["booking"]);
            Assert.DoesNotContain(request["proposals"]!.AsArray(), p => (DateTimeOffset)p!["stages"]![0]!["start"]! == bookedStart);

            // Pressing the same link again changes nothing more.
            await page.GotoAsync(link);
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("released at your request");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ask for another time" })).ToHaveCountAsync(0);
            await page.Context.CloseAsync();
        }
        finally
        {
            using var restore = await admin.PutAsJsonAsync("/v1/settings/scheduling", new { });
        }
    }

    [Fact]
    public async Task PoolMember_AcceptsTheOfferFromTheEmailLink_TheOtherMembersLinkThenSaysSo()
    {
        using var admin = app.Api("admin");
        using var api = app.Api("ats", "recruiter");
        using var pool = await admin.PutAsJsonAsync("/v1/pools/web-offers", new { members = new[] { "jonas", "priya" }, strategy = "firstToAccept" });
        pool.EnsureSuccessStatusCode();
        // 10:00–13:00 UTC of a weekday two or more days ahead: inside both members' working hours (Berlin, Kolkata).
        var day = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(2);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        using var submit = await api.PostAsJsonAsync("/v1/interview-requests", new
        {
            candidateId = "ada",
            mode = "autoBook",
            window = new { start = day.AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), end = day.AddHours(13).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) },
            stages = new[] { new { name = "systems", durationMinutes = 45, interviewerIds = Array.Empty<string>(), pools = new[] { new { poolId = "web-offers", count = 1 } } } },
        });
        submit.EnsureSuccessStatusCode();
        var id = (string)(await submit.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await WebAppFixture.WaitForStatusAsync(api, id, "offered");
        var offer = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["offer"]!;
        var members = offer["memberIds"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Equal(["jonas", "priya"], members.Order());
        var slotStart = (DateTimeOffset)offer["slot"]!["start"]!;

        // Neither member has Slack here: each got the offer by email, with a link that accepts it for them.
        var links = new List<string>();
        foreach (var member in members)
        {
            var mail = await app.Mail.WaitForAsync(m => m.RcptTos.Contains($"{member}@demo.example") && m.Subject.StartsWith("Interview offer:", StringComparison.Ordinal));
            links.Add(AcceptLink().Match(mail.Part("text/plain").Content).Groups[1].Value);
        }

        var page = await app.NewPageAsync(timeZone: "UTC");
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(links[1]);
        await page.GotoAsync(links[0]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interview offer" })).ToBeVisibleAsync();
        await Expect(page.Locator(".action-slot")).ToContainTextAsync(ZoneTime.Format(slotStart, members[0] == "jonas" ? "Europe/Berlin" : "Asia/Kolkata"));
        await Pages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept this interview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The interview is yours");

        // The other member's page, open since before, is pressed after: the first acceptance won.
        await other.GetByRole(AriaRole.Button, new() { Name = "Accept this interview" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Status)).ToContainTextAsync("accepted this interview first");
        await WebAppFixture.WaitForStatusAsync(api, id, "booked");
        var booked = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}"))!["booking"]!["stages"]![0]!;
        Assert.Equal([members[0]], booked["interviewerIds"]!.AsArray().Select(m => (string)m!));
        await page.Context.CloseAsync();
    }

    private Task<ReceivedMail> CandidateProposalsEmailAsync(HttpClient api, string id) => CandidateEmailAsync(api, id, "proposalsReady");

    /// <summary>The candidate's email of <paramref name="kind"/> (the API's notification kind) of the request, found by the Message-ID its outbox recorded.</summary>
    private async Task<ReceivedMail> CandidateEmailAsync(HttpClient api, string id, string kind)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var items = (await api.GetFromJsonAsync<JsonObject>($"/v1/interview-requests/{id}/notifications"))!["items"]!.AsArray();
            var sent = items.FirstOrDefault(i => (string?)i!["kind"] == kind && (string?)i["recipientId"] == "grace"
                && (string?)i["channel"] == "email" && (string?)i["status"] == "sent");
            if (sent is not null)
            {
                var messageId = (string)sent["messageId"]!;
                return await app.Mail.WaitForAsync(m => m.MessageId == messageId);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The candidate's {kind} email of {id} was never sent.");
        return null!;
    }

    [GeneratedRegex(@"Book this time: (\S+)")]
    private static partial Regex BookLink();

    [GeneratedRegex(@"Ask for another time: (\S+)")]
    private static partial Regex AskLink();

    [GeneratedRegex(@"Accept this interview: (\S+)")]
    private static partial Regex AcceptLink();
}
