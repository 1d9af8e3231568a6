using System.Net;
using System.Text.Json.Nodes;

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
        var monday = Api.NextMonday();
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
    public async Task Notifications_UnknownRequest_NotFound()
    {
        using var client = gateway.Client("notify-history-404", "recruiter");

        using var response = await client.GetAsync("/v1/interview-requests/nope/notifications");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
