namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// The seeded data the hostile requests aim at: tenant <see cref="Alpha"/> (the caller) and tenant <see cref="Bravo"/>
/// (the one it must never see or touch), each with a candidate, interviewers, a pool, blocks and a proposed request.
/// Both tenants use the ids <c>cand</c>, <c>ivy</c>, <c>ian</c> and <c>panel</c>; Bravo also has ids Alpha does not.
/// Bravo's display names, emails, block title and external id are unique strings (<see cref="BravoSecrets"/>) that no
/// response to Alpha may contain.
/// </summary>
internal sealed class HostileWorld
{
    public const string Alpha = "hostile-alpha";
    public const string Bravo = "hostile-bravo";
    public const string Candidate = "cand";
    public const string Interviewer = "ivy";
    public const string SecondInterviewer = "ian";
    public const string Pool = "panel";
    public const string BravoOnlyParticipant = "bravo-only-3f9d";
    public const string BravoOnlyPool = "bravo-pool-3f9d";
    public const string Marker = "bravo-secret-7c41e2";

    private HostileWorld(DateTimeOffset monday, string alphaRequest, string alphaProposal, string bravoRequest)
    {
        Monday = monday;
        AlphaRequest = alphaRequest;
        AlphaProposal = alphaProposal;
        BravoRequest = bravoRequest;
    }

    /// <summary>Monday 00:00 UTC at least a day ahead: the seeded requests' window starts there.</summary>
    public DateTimeOffset Monday { get; }

    /// <summary>Alpha's proposed request.</summary>
    public string AlphaRequest { get; }

    /// <summary>A proposal of <see cref="AlphaRequest"/>.</summary>
    public string AlphaProposal { get; }

    /// <summary>Bravo's proposed request.</summary>
    public string BravoRequest { get; }

    /// <summary>Ids that exist in Bravo only.</summary>
    public IReadOnlyList<string> BravoOnlyIds => [BravoOnlyParticipant, BravoOnlyPool, BravoRequest];

    /// <summary>Strings that exist in Bravo's data only: the marker in its names, emails, block title and external id, and the ids Alpha has not.</summary>
    public IReadOnlyList<string> BravoSecrets => [Marker, BravoOnlyParticipant, BravoOnlyPool, BravoRequest];

    /// <summary>The zones with a seeded Alpha participant whose hours and overrides sit on that zone's DST changes.</summary>
    public static IReadOnlyList<string> DstZones => ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham"];

    /// <summary>The seeded participant of <paramref name="zone"/>, or <see langword="null"/> when none is seeded for it.</summary>
    public static string? DstParticipant(string zone)
    {
        var index = DstZones.ToList().IndexOf(zone);
        return index < 0 ? null : $"dst-{index}";
    }

    /// <summary>A profile in <paramref name="zone"/> working around the clock, with the given date overrides (date, start, end).</summary>
    public static JsonObject DstProfile(string zone, IEnumerable<(string Date, string Start, string End)> overrides) => new()
    {
        ["displayName"] = $"DST {zone}",
        ["kind"] = "interviewer",
        ["timeZone"] = zone,
        ["workingHours"] = new JsonArray(new JsonObject { ["days"] = new JsonArray([.. FieldDays.Select(d => JsonValue.Create(d))]), ["start"] = "00:00", ["end"] = "23:59" }),
        ["dateOverrides"] = new JsonArray([.. overrides.GroupBy(o => o.Date).Select(g => new JsonObject
        {
            ["date"] = g.Key,
            ["hours"] = new JsonArray([.. g.Select(o => new JsonObject { ["start"] = o.Start, ["end"] = o.End })]),
        })]),
    };

    /// <summary>Seeds both tenants (and Alpha's DST participants) and waits until both requests are proposed.</summary>
    public static async Task<HostileWorld> SeedAsync(Func<HttpClient> createClient)
    {
        var monday = Api.NextMonday();
        var alpha = await SeedTenantAsync(createClient, Alpha, monday, "Alpha", extraId: null);
        var bravo = await SeedTenantAsync(createClient, Bravo, monday, Marker, BravoOnlyParticipant);
        using var client = createClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(Alpha, ["admin"]));
        foreach (var zone in DstZones)
        {
            var overrides = HostileValues.DstCases.Where(c => c.Zone == zone).Select(c => (c.Date, c.Start, c.End));
            await PutAsync(client, $"/v1/participants/{DstParticipant(zone)}", DstProfile(zone, overrides));
        }

        return new HostileWorld(monday, alpha.Request, alpha.Proposal, bravo.Request);
    }

    private static async Task<(string Request, string Proposal)> SeedTenantAsync(Func<HttpClient> createClient, string tenant, DateTimeOffset monday, string label, string? extraId)
    {
        using var client = createClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint(tenant, ["admin", "ats", "recruiter"]));
        await PutAsync(client, $"/v1/participants/{Candidate}", Person($"{label} candidate", $"{label}.cand@example.test", "candidate", "Europe/London"));
        await PutAsync(client, $"/v1/participants/{Interviewer}", Person($"{label} Ivy", $"{label}.ivy@example.test", "interviewer", "Europe/Berlin"));
        await PutAsync(client, $"/v1/participants/{SecondInterviewer}", Person($"{label} Ian", $"{label}.ian@example.test", "interviewer", "America/New_York"));
        var members = new List<string> { Interviewer, SecondInterviewer };
        if (extraId is not null)
        {
            await PutAsync(client, $"/v1/participants/{extraId}", Person($"{label} only", $"{label}.only@example.test", "interviewer", "Asia/Kolkata"));
            members.Add(extraId);
            await PutAsync(client, $"/v1/pools/{BravoOnlyPool}", new { members, strategy = "leastLoaded" });
        }

        await PutAsync(client, $"/v1/pools/{Pool}", new { members, strategy = "roundRobin" });
        await PutAsync(client, $"/v1/participants/{SecondInterviewer}/blocks", new[]
        {
            new { start = Api.Iso(monday.AddHours(9)), end = Api.Iso(monday.AddHours(11)), title = $"{label} block" },
        });
        await PutAsync(client, "/v1/settings/notifications", new { followUpDelayMinutes = 30, candidateThankYou = true, thankYouNextSteps = $"{label} next steps" });
        var posted = await client.PostAsJsonAsync("/v1/interview-requests", new
        {
            externalId = $"{label}-ext",
            candidateId = Candidate,
            stages = new[] { new { name = "onsite", durationMinutes = 60, interviewerIds = new[] { Interviewer }, pools = new[] { new { poolId = Pool, count = 1 } } } },
            window = new { start = Api.Iso(monday), end = Api.Iso(monday.AddDays(5)) },
            mode = "propose",
        });
        Assert.True(posted.IsSuccessStatusCode, $"Seeding {tenant}: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
        var id = (string)(await posted.Json())["id"]!;
        var proposed = await client.WaitForStatus(id, "proposed");
        return (id, (string)proposed["proposals"]![0]!["id"]!);
    }

    private static readonly string[] FieldDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static object Person(string name, string email, string kind, string zone) => new
    {
        displayName = name,
        email,
        kind,
        timeZone = zone,
        workingHours = new[] { new { days = Api.Weekdays, start = "08:00", end = "18:00" } },
        slackUserId = "U0HOSTILE",
    };

    private static async Task PutAsync(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"Seeding PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
