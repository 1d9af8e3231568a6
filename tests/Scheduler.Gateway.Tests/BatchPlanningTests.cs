namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class BatchPlanningTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Batch_GreedyWouldBlockSingleOptionRequest_BooksBoth()
    {
        using var client = gateway.Client("batch-planning", "admin");
        await client.PutParticipant("x", start: "09:00", end: "11:00");
        await client.PutParticipant("ca", kind: "candidate");
        await client.PutParticipant("cb", kind: "candidate");
        var slot1 = Api.NextMonday(1).AddDays(1).AddHours(9);
        object[] requests =
        [
            Api.Request("ca", ["x"], slot1, slot1.AddHours(2), mode: "autoBook", externalId: "plan-a"),
            Api.Request("cb", ["x"], slot1, slot1.AddHours(1), mode: "autoBook", externalId: "plan-b"),
        ];
        var items = requests.Select(r => JsonSerializer.SerializeToNode(r)!).ToArray();

        var response = await client.SendJson(HttpMethod.Post, "/v1/interview-requests/batch", new JsonObject { ["requests"] = new JsonArray(items) }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.Json())["items"]!.AsArray().Select(i => (string)i!["id"]!).ToArray();
        var a = await client.WaitForRequest(ids[0], v => (string?)v["status"] is "booked" or "noAvailability" or "failed", seconds: 30);
        var b = await client.WaitForRequest(ids[1], v => (string?)v["status"] is "booked" or "noAvailability" or "failed", seconds: 30);
        Assert.Equal("booked", (string?)a["status"]);
        Assert.Equal("booked", (string?)b["status"]);
        Assert.Equal(slot1, (DateTimeOffset)b["booking"]!["stages"]![0]!["start"]!);
    }
}
