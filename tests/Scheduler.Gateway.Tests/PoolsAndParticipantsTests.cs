namespace Scheduler.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class PoolsAndParticipantsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task PutParticipant_NewThenReplaced_Returns201Then200AndRoundTrips()
    {
        using var client = gateway.Admin("pp-roundtrip");
        var body = new
        {
            displayName = "Priya",
            kind = "interviewer",
            timeZone = "Asia/Kolkata",
            workingHours = new[] { new { days = Api.Weekdays, start = "09:30", end = "18:00" } },
            bufferBeforeMinutes = 5,
            calendars = new[] { new { provider = "caldav", url = "https://cal.example.test/priya/", username = "priya", password = "secret" } },
        };

        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync("/v1/participants/priya", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/v1/participants/priya", body)).StatusCode);

        var text = await client.GetStringAsync("/v1/participants/priya");
        Assert.Contains("\"timeZone\":\"Asia/Kolkata\"", text);
        Assert.Contains("\"start\":\"09:30\"", text);
        Assert.Contains("\"hasPassword\":true", text);
        Assert.DoesNotContain("secret", text);
    }

    [Fact]
    public async Task GetParticipant_CalendarUrls_InFullForAdmin_CutToSchemeAndHostForRecruiter()
    {
        using var admin = gateway.Admin("pp-urls");
        using var recruiter = gateway.Client("pp-urls", "recruiter");
        const string feed = "https://calendar.example.test/calendar/ical/ivy%40example.test/private-0123456789abcdef/basic.ics";
        const string server = "https://dav.example.test:8443/ivy/work/";
        var body = new
        {
            displayName = "Ivy",
            kind = "interviewer",
            timeZone = "Europe/Berlin",
            calendars = new object[]
            {
                new { provider = "ics", url = feed },
                new { provider = "caldav", url = server, username = "ivy", password = "secret" },
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/v1/participants/ivy", body)).StatusCode);

        var full = (await admin.GetJson("/v1/participants/ivy"))["calendars"]!.AsArray();
        var cut = (await recruiter.GetJson("/v1/participants/ivy"))["calendars"]!.AsArray();

        Assert.Equal([feed, server], full.Select(c => (string)c!["url"]!));
        Assert.Equal(["https://calendar.example.test/…", "https://dav.example.test:8443/…"], cut.Select(c => (string)c!["url"]!));
        Assert.Equal(["ics", "caldav"], cut.Select(c => (string)c!["provider"]!));
        Assert.True((bool)cut[1]!["hasPassword"]!);
        Assert.Equal("ivy", (string)cut[1]!["username"]!);
    }

    [Fact]
    public async Task Availability_InterviewerWithBlock_ReturnsAlignedSlotsOutsideBlock()
    {
        using var client = gateway.Admin("pp-availability");
        await client.PutParticipant("ivy", "Asia/Kathmandu", "09:00", "12:00");
        var monday = Api.NextMonday();
        var blockStart = monday.AddHours(4).AddMinutes(15);
        await client.PutAsJsonAsync("/v1/participants/ivy/blocks", new[] { new { start = Api.Iso(blockStart), end = Api.Iso(blockStart.AddHours(1)), title = "Focus" } });

        var view = await client.GetJson($"/v1/participants/ivy/availability?from={Api.Iso(monday)}&to={Api.Iso(monday.AddDays(1))}&durationMinutes=30&granularityMinutes=30");

        var slots = view["slots"]!.AsArray().Select(s => DateTimeOffset.Parse((string)s!["start"]!)).ToList();
        Assert.NotEmpty(slots);
        var kathmandu = TimeSpan.FromMinutes(345);
        Assert.All(slots, s => Assert.Equal(0, s.ToOffset(kathmandu).Minute % 30));
        Assert.DoesNotContain(slots, s => s < blockStart.AddHours(1) && s.AddMinutes(30) > blockStart);
        var busy = await client.Busy("ivy", monday, monday.AddDays(1));
        Assert.Contains(busy, b => b.Source == "block" && b.Start == blockStart);
    }

    [Fact]
    public async Task Busy_WithOffsetInQuery_AcceptsAndAnswersInUtc()
    {
        using var client = gateway.Admin("pp-offset");
        await client.PutParticipant("ivy");
        var monday = Api.NextMonday();
        await client.PutAsJsonAsync("/v1/participants/ivy/blocks", new[] { new { start = monday.AddHours(10).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), end = Api.Iso(monday.AddHours(11)) } });

        var from = Uri.EscapeDataString(monday.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz"));
        var busy = await client.GetJson($"/v1/participants/ivy/busy?from={from}&to={Api.Iso(monday.AddDays(1))}");

        var interval = busy["intervals"]![0]!;
        Assert.Equal(Api.Iso(monday.AddHours(10)), (string)interval["start"]!);
        Assert.Equal("block", (string)interval["source"]!);
        Assert.NotNull(busy["stale"]);
    }

    [Fact]
    public async Task Pool_StageWithPool_BooksOneMember()
    {
        using var client = gateway.Client("pp-pool", "admin");
        await client.PutParticipant("cand", kind: "candidate");
        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            await client.PutParticipant(id);
        }

        var pool = await client.PutAsJsonAsync("/v1/pools/backend", new { members = new[] { "a1", "a2", "a3" }, strategy = "leastLoaded" });
        Assert.Equal(HttpStatusCode.OK, pool.StatusCode);
        Assert.Equal("leastLoaded", (string)(await pool.Json())["strategy"]!);
        var monday = Api.NextMonday();

        var posted = await client.Submit(new
        {
            candidateId = "cand",
            stages = new[] { new { name = "tech", durationMinutes = 45, pools = new[] { new { poolId = "backend", count = 1 } } } },
            window = new { start = Api.Iso(monday), end = Api.Iso(monday.AddDays(5)) },
            mode = "autoBook",
        });
        var booked = await client.WaitForStatus((string)posted["id"]!, "booked");

        var member = (string)Assert.Single(booked["booking"]!["stages"]![0]!["interviewerIds"]!.AsArray())!;
        Assert.Contains(member, new[] { "a1", "a2", "a3" });
    }

    [Fact]
    public async Task OpenApi_DocumentsV1RoutesWithBearerScheme()
    {
        using var client = gateway.Anonymous();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/v1/interview-requests/{id}/selection", document);
        Assert.Contains("/v1/participants/{id}/availability", document);
        Assert.Contains("/v1/pools/{id}", document);
        Assert.Contains("\"bearer\"", document);
        Assert.Contains("PostInterviewRequestBatch", document);
    }
}
