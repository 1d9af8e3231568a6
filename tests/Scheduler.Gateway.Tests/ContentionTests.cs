namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ContentionTests(GatewayFixture gateway)
{
    private const int Requests = 200;
    private const int Interviewers = 5;
    private const int Candidates = 40;

    [Fact]
    public async Task ConcurrentPosts_SameExternalId_AllGetOneRequest()
    {
        using var client = gateway.Client("contention-race", "admin");
        await client.PutParticipant("cand", kind: "candidate");
        await client.PutParticipant("ivy");
        var monday = Api.NextMonday();
        var body = Api.Request("cand", ["ivy"], monday, monday.AddDays(5), externalId: "race-1");

        var posted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Submit(body)));

        Assert.Single(posted.Select(p => (string)p["id"]!).Distinct());
    }

    [Fact]
    public async Task Batch_200RequestsFor5InterviewersWeek_NoOverlapsAndAllTerminal()
    {
        using var client = gateway.Client("contention", "admin");
        for (var i = 0; i < Interviewers; i++)
        {
            await client.PutParticipant($"i{i}");
        }

        for (var c = 0; c < Candidates; c++)
        {
            await client.PutParticipant($"c{c}", kind: "candidate");
        }

        var monday = Api.NextMonday();
        var week = (Start: monday, End: monday.AddDays(5));
        var items = Enumerable.Range(0, Requests)
            .Select(k => JsonSerializer.SerializeToNode(Api.Request($"c{k % Candidates}", [$"i{k % Interviewers}", $"i{(k + 1) % Interviewers}"], week.Start, week.End, mode: "autoBook", externalId: $"load-{k}"))!)
            .ToArray();

        var response = await client.SendJson(HttpMethod.Post, "/v1/interview-requests/batch", new JsonObject { ["requests"] = new JsonArray(items) }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.Json())["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
        Assert.Equal(Requests, ids.Distinct().Count());

        var views = new List<JsonNode>();
        foreach (var id in ids)
        {
            views.Add(await client.WaitForRequest(id, v => (string?)v["status"] is "booked" or "noAvailability" or "failed", seconds: 90));
        }

        Assert.All(views, v => Assert.Contains((string)v["status"]!, new[] { "booked", "noAvailability" }));
        Assert.All(views.Where(v => (string)v["status"]! == "noAvailability"), v => Assert.False(string.IsNullOrWhiteSpace((string?)v["reason"])));
        var booked = views.Where(v => (string)v["status"]! == "booked").ToList();
        Assert.NotEmpty(booked);
        Assert.True(booked.Count <= Interviewers * 40 / 2, $"{booked.Count} two-person hour bookings cannot fit in 5 interviewers' 40-hour weeks.");

        foreach (var participant in Enumerable.Range(0, Interviewers).Select(i => $"i{i}").Concat(Enumerable.Range(0, Candidates).Select(c => $"c{c}")))
        {
            var bookings = (await client.Busy(participant, week.Start, week.End)).Where(b => b.Source == "booking").OrderBy(b => b.Start).ToList();
            for (var n = 1; n < bookings.Count; n++)
            {
                Assert.True(bookings[n - 1].End <= bookings[n].Start, $"{participant}: {bookings[n - 1].RequestId} overlaps {bookings[n].RequestId}");
            }
        }

        foreach (var view in booked)
        {
            var stage = view["booking"]!["stages"]![0]!;
            var start = DateTimeOffset.Parse((string)stage["start"]!);
            foreach (var interviewer in stage["interviewerIds"]!.AsArray().Select(x => (string)x!))
            {
                var busy = await client.Busy(interviewer, week.Start, week.End);
                Assert.Contains(busy, b => b.Source == "booking" && b.RequestId == (string)view["id"]! && b.Start == start);
            }
        }
    }
}
