using System.Diagnostics;
using System.Net.Sockets;

namespace Scheduler.Gateway.Tests;

/// <summary>Through the HTTP routes: a participant whose feed server accepts connections and never answers.</summary>
public sealed class SlowCalendarGatewayTests
{
    [Fact]
    public async Task FeedAcceptsAndNeverAnswers_ParticipantRoutesAnswerAndBusyNamesTheStaleCalendar()
    {
        using var feed = new TcpListener(IPAddress.Loopback, 0);
        feed.Start();
        List<Socket> held = [];
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                held.Add(await feed.AcceptSocketAsync(stop.Token));
            }
        });
        using var data = new TempDirectory();
        await using var factory = new GatewayFactory(data.Path, new Dictionary<string, string?> { ["Calendars:AllowPrivateNetworks"] = "true" });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint("slow-feed", ["admin", "recruiter"]));
        var port = ((IPEndPoint)feed.LocalEndpoint).Port;
        var profile = new
        {
            displayName = "Maya",
            kind = "interviewer",
            timeZone = "America/New_York",
            calendars = new[] { new { provider = "ics", url = $"http://127.0.0.1:{port}/maya.ics" } },
        };
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync("/v1/participants/maya", profile)).StatusCode);
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var busyUrl = $"/v1/participants/maya/busy?from={today.AddDays(1):yyyy-MM-dd}T00:00:00Z&to={today.AddDays(8):yyyy-MM-dd}T00:00:00Z";

        var (first, firstTook) = await TimedAsync(() => client.GetAsync(busyUrl));
        var (second, secondTook) = await TimedAsync(() => client.GetAsync(busyUrl));
        var (read, readTook) = await TimedAsync(() => client.GetAsync("/v1/participants/maya"));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
        held.ForEach(s => s.Dispose());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // The feed never answers and a read gives up after 25 s. By default a first read waits at most 5 s for it and a later
        // one 300 ms, so the bounds sit between those waits: a route that waited for the feed fails them on any machine.
        Assert.True(firstTook < TimeSpan.FromSeconds(15), $"the first busy read took {firstTook}");
        Assert.True(secondTook < TimeSpan.FromSeconds(3) && readTook < TimeSpan.FromSeconds(3), $"busy took {secondTook}, the profile {readTook}");
        var busy = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.True((bool)busy["stale"]!);
        var calendar = busy["calendars"]!.AsArray().Single()!;
        Assert.Equal("ics", (string)calendar["provider"]!);
        Assert.Equal($"http://127.0.0.1:{port}/…", (string)calendar["calendar"]!);
        Assert.True((bool)calendar["stale"]!);
        Assert.Null(calendar["lastReadAt"]);
        Assert.StartsWith("no answer yet", (string)calendar["reason"]!, StringComparison.Ordinal);
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        var response = await call();
        return (response, watch.Elapsed);
    }
}
