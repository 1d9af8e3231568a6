namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class NotificationHistoryTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Notifications_BookedWithoutSmtpHost_ListsSkippedBookingPerAttendee()
    {
        using var client = gateway.Client("notify-history", "admin", "ats", "recruiter");
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy");
        // A week later than the next Monday: on a Sunday the next Monday's interview is within 24 h, and its reminder
        // (skipped too) would join the list.
        var monday = Api.NextMonday(weeksLater: 1);
        var id = (string)(await client.Submit(Api.Request("cand", ["ivy"], monday, monday.AddDays(5), mode: "autoBook")))["id"]!;
        await client.WaitForStatus(id, "booked");

        JsonArray items = [];
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while (items.Count < 2 && TimeProvider.System.GetUtcNow() < deadline)
        {
            items = (await client.GetJson($"/v1/interview-requests/{id}/notifications"))["items"]!.AsArray();
            await Task.Delay(20);
        }

        Assert.Equal(["cand", "ivy"], items.Select(i => (string)i!["recipientId"]!).Order(StringComparer.Ordinal));
        Assert.All(items, i =>
        {
            Assert.Equal("booked", ((string)i!["kind"]!).ToLowerInvariant());
            Assert.Equal("skipped", ((string)i["status"]!).ToLowerInvariant());
            Assert.Equal("email not configured", (string?)i["lastError"]);
            Assert.NotNull((string?)i["enqueuedAt"]);
        });
    }

    [Fact]
    public async Task Notifications_NoAvailabilityWithRecruiterEmail_RecruiterNotified()
    {
        using var client = gateway.Client("notify-recruiter", "admin", "ats", "recruiter");
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy", start: "09:00", end: "10:00");
        var monday = Api.NextMonday();
        var body = new
        {
            candidateId = "cand",
            stages = new[] { new { name = "interview", durationMinutes = 120, interviewerIds = new[] { "ivy" } } },
            window = new { start = Api.Iso(monday), end = Api.Iso(monday.AddDays(5)) },
            mode = "autoBook",
            notify = new { email = true, recruiterEmail = "rita@example.com" },
        };
        var id = (string)(await client.Submit(body))["id"]!;
        await client.WaitForStatus(id, "noAvailability");

        JsonArray items = [];
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(20);
        while (items.Count < 1 && TimeProvider.System.GetUtcNow() < deadline)
        {
            items = (await client.GetJson($"/v1/interview-requests/{id}/notifications"))["items"]!.AsArray();
            await Task.Delay(20);
        }

        var recruiter = Assert.Single(items);
        Assert.Equal("noavailability", ((string)recruiter!["kind"]!).ToLowerInvariant());
        Assert.Equal("recruiter", (string?)recruiter["recipientId"]);
        Assert.Equal("email", ((string)recruiter["channel"]!).ToLowerInvariant());
    }

    [Fact]
    public async Task Notifications_UnknownRequest_NotFound()
    {
        using var client = gateway.Client("notify-history-404", "recruiter");

        using var response = await client.GetAsync("/v1/interview-requests/nope/notifications");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
