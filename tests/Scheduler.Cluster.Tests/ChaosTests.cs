using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Testing.DynamoDB;
using Xunit.Abstractions;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// Issue 7's chaos test: three Orleans silo processes on DynamoDB (dynalite behind the transaction shim) behind a
/// cluster-client gateway; a 2,000-request auto-book batch contends for 50 interviewers; one silo
/// process is killed mid-batch (SIGKILL: it writes no membership row, the others must detect it) and
/// another started. Then every accepted request is
/// terminal, the stored bookings never overlap and match the requests, no hold outlives its TTL, and
/// the durable <c>process</c> reminders of requests that were active on the killed silo fire on the survivors.
/// </summary>
public sealed class ChaosTests(DynaliteFixture dynalite, ITestOutputHelper output) : IClassFixture<DynaliteFixture>
{
    private const string Tenant = "chaos";

    /// <summary>The hold TTL the requests ask for (docs/WORKFLOW.md, <c>RequestSettings.HoldTtl</c>).</summary>
    private static readonly TimeSpan HoldTtl = TimeSpan.FromMinutes(2);

    /// <summary>The request grain's resume reminder (<c>RequestSettings.ProcessReminder</c>).</summary>
    private const string ProcessReminder = "process";

    /// <summary>How long the requests may take to settle after the kill: the resume reminder's period is 3 min, so a request whose work died with its silo restarts within 3 min of its last registration.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task Batch_SiloKilledMidBatchAndAnotherStarted_AcceptedRequestsSettleWithoutDoubleBookingAndVictimRemindersFire()
    {
        using var data = new TempDirectory();
        await using var cluster = new ChaosCluster(dynalite.ServiceUrl, data.Path);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => cluster.StartSiloAsync()));

        await using var gateway = new ClusterGatewayFactory(cluster, Path.Combine(data.Path, "gateway"));
        var management = gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        Assert.Equal(3, hosts.Count);
        Log($"3 silo processes active: {string.Join(", ", hosts.Keys)}");
        using var admin = Client(gateway, "admin");
        using var ats = Client(gateway, "ats", "recruiter");
        await CreateParticipantsAsync(admin);
        Log("50 interviewers and 2,000 candidates created through the gateway");

        var batch = ats.PostJson("/v1/interview-requests/batch", ChaosWorkload.Batch());
        var bookedSeen = await WaitForFirstBookingsAsync(ats, batch);

        var victim = cluster.Silos[1];
        var victimAddress = (await management.GetHosts(onlyActive: true)).Keys.Single(a => a.Endpoint.Port == victim.SiloPort);
        var store = new ClusterStore(dynalite.Client, cluster.ServiceId);
        var activeOnVictim = (await management.GetDetailedGrainStatistics(hostsIds: [victimAddress]))
            .Where(g => g.GrainId.Type.ToString() == "interviewrequest")
            .Select(g => g.GrainId.Key.ToString()!)
            .ToHashSet(StringComparer.Ordinal);
        var killedAt = TimeProvider.System.GetUtcNow();
        await cluster.KillAsync(victim);
        var diedBy = TimeProvider.System.GetUtcNow();
        Log($"{victim.Name} killed; {activeOnVictim.Count} request activations were on it");
        var atKill = await store.RequestsAsync();
        var remindersAtKill = await store.RemindersAsync();
        var holdsAtKill = (await store.ParticipantsAsync()).SelectMany(p => p.Value.Holds.Select(h => (Participant: p.Key, Hold: h))).ToList();
        Log($"batch answered: {batch.IsCompleted}; index showed {bookedSeen} booked; stored then: {Census(atKill.Values)}; {holdsAtKill.Count} holds");

        await AssertDeclaredDeadAsync(management, victimAddress, killedAt);
        var replacement = await cluster.StartSiloAsync();
        Log($"{replacement.Name} joined");

        using var batchResponse = await batch;
        var batchText = await batchResponse.Content.ReadAsStringAsync();
        Assert.True(batchResponse.StatusCode == HttpStatusCode.OK, $"batch: {(int)batchResponse.StatusCode} {batchText}");
        var accepted = JsonNode.Parse(batchText)!["items"]!.AsArray()
            .Where(i => i!["id"] is not null)
            .Select(i => (string)i!["id"]!)
            .ToList();
        var rejections = JsonNode.Parse(batchText)!["items"]!.AsArray()
            .Where(i => i!["id"] is null)
            .GroupBy(i => (string?)i!["error"]?["detail"] ?? i!["error"]?.ToJsonString() ?? "?")
            .Select(g => $"{g.Count()} × {g.Key}");
        Log($"batch answered: {accepted.Count} accepted, {ChaosWorkload.Requests - accepted.Count} rejected ({string.Join("; ", rejections)})");
        Assert.NotEmpty(accepted);

        // Mid-batch: some requests were booked, and far from all had settled, when the silo died.
        Assert.True(atKill.Values.Any(s => s.Status == RequestStatus.Booked), $"No request was booked at the kill: {Census(atKill.Values)}");
        var unsettledAtKill = ChaosWorkload.Requests - atKill.Values.Count(s => IsTerminal(s.Status));
        Assert.True(unsettledAtKill >= ChaosWorkload.Requests / 4, $"Only {unsettledAtKill} requests were unsettled at the kill: {Census(atKill.Values)}");

        // The victim's requests whose work was under way (not waiting for a batch plan) when it died: nothing
        // calls them again (reads do not restart work, planners only address requests waiting for a plan),
        // so only their durable process reminder, now served by a survivor, can finish them.
        var processDue = remindersAtKill
            .Where(r => r.GrainId.Type.ToString() == "interviewrequest" && r.ReminderName == ProcessReminder)
            .ToDictionary(r => r.GrainId.Key.ToString()!, r => r.NextDueAt(killedAt), StringComparer.Ordinal);
        var acceptedKeys = accepted.Select(id => GrainKeys.For(Tenant, id)).ToHashSet(StringComparer.Ordinal);
        var victimInFlight = atKill
            .Where(r => acceptedKeys.Contains(r.Key))
            .Where(r => activeOnVictim.Contains(r.Key))
            .Where(r => r.Value.Status is RequestStatus.Pending or RequestStatus.Booking or RequestStatus.Rescheduling && r.Value.Phase != RequestPhase.AwaitingPlan)
            .Select(r => r.Key)
            .ToList();
        Assert.True(victimInFlight.Count > 0, $"No request of {victim.Name} had work under way at the kill; stored then: {Census(atKill.Values)}");
        var withoutReminder = victimInFlight.Where(k => !processDue.ContainsKey(k)).ToList();
        Assert.True(withoutReminder.Count == 0, $"Requests with work under way but no durable process reminder: {string.Join(", ", withoutReminder.Take(20))}");
        Log($"{victimInFlight.Count} requests of {victim.Name} had work under way; their process reminders are due from {victimInFlight.Min(k => processDue[k]):HH:mm:ss} to {victimInFlight.Max(k => processDue[k]):HH:mm:ss} UTC");

        // What the store says of requests that do not settle: their state, whether they were on the victim, and their reminders.
        async Task<string> DescribeAsync(IReadOnlyList<string> ids)
        {
            var now = TimeProvider.System.GetUtcNow();
            var stored = await store.RequestsAsync();
            var reminders = (await store.RemindersAsync())
                .Where(r => r.GrainId.Type.ToString() == "interviewrequest")
                .GroupBy(r => r.GrainId.Key.ToString()!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(r => $"{r.ReminderName} due {r.NextDueAt(now):HH:mm:ss}")), StringComparer.Ordinal);
            return string.Join("\n", ids.Select(id =>
            {
                var key = GrainKeys.For(Tenant, id);
                var state = stored.GetValueOrDefault(key);
                return $"{id}: stored {state?.Status} (phase {state?.Phase}, target {(state?.Target is { Count: > 0 } target ? target[0].Start.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "none")}, "
                    + $"{state?.ParticipantsToRelease.Count ?? 0} to release); on {victim.Name} at the kill: {activeOnVictim.Contains(key)}; reminders: {reminders.GetValueOrDefault(key) ?? "none"}";
            }));
        }

        var views = await WaitUntilTerminalAsync(ats, accepted, data.Path, DescribeAsync);
        Log($"every accepted request is terminal: {string.Join(", ", views.Values.GroupBy(v => (string)v["status"]!).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}");

        var requests = await store.RequestsAsync();
        var participants = await store.ParticipantsAsync();
        foreach (var id in accepted)
        {
            var key = GrainKeys.For(Tenant, id);
            Assert.True(requests.TryGetValue(key, out var stored), $"{id} is not in the store.");
            Assert.Equal((string)views[id]["status"]!, JsonNamingPolicy.CamelCase.ConvertName(stored.Status.ToString()));
        }

        Assert.Equal(ChaosWorkload.Interviewers + ChaosWorkload.Requests, participants.Count);
        AssertNone(StoreInvariants.OverlappingBookings(participants), "overlapping bookings");
        AssertNone(StoreInvariants.BookingsMissingFromAttendees(Tenant, requests, participants), "booked requests missing from their attendees' bookings");
        AssertNone(StoreInvariants.OrphanBookings(requests, participants), "bookings of requests that are not booked");
        AssertNone(StoreInvariants.HoldsLongerThanTtl(participants, HoldTtl), "holds longer than their TTL");
        AssertNone(StoreInvariants.HoldsLongerThanTtl(holdsAtKill.GroupBy(h => h.Participant).ToDictionary(g => g.Key, g => new ParticipantState { Holds = [.. g.Select(h => h.Hold)] }), HoldTtl), "holds longer than their TTL at the kill");

        // The victim's in-flight requests settled only after their reminder came due, and the reminder is gone.
        var remindersNow = (await store.RemindersAsync())
            .Where(r => r.GrainId.Type.ToString() == "interviewrequest" && r.ReminderName == ProcessReminder)
            .Select(r => r.GrainId.Key.ToString()!)
            .ToHashSet(StringComparer.Ordinal);
        // The snapshot is read after the kill, row by row: a save the victim sent just before it died can land after
        // the snapshot read that row. Such a request settled on the victim (its last entry is stamped before the
        // process had exited); every other one must have waited for its reminder.
        var resumed = 0;
        foreach (var key in victimInFlight)
        {
            var settled = requests[key].History[^1];
            Assert.True(IsTerminal(settled.Status), $"{key}: {settled.Status}");
            if (settled.At <= diedBy)
            {
                continue;
            }

            Assert.True(settled.At >= processDue[key], $"{key} of the killed silo settled at {settled.At:O}, before its process reminder was due ({processDue[key]:O}): something other than the reminder resumed it.");
            Assert.DoesNotContain(key, remindersNow);
            resumed++;
        }

        Assert.True(resumed > 0, $"All {victimInFlight.Count} in-flight requests of {victim.Name} settled on it before it died.");
        Log($"{resumed} of the {victimInFlight.Count} in-flight requests of {victim.Name} were resumed by their reminders on the survivors and settled; the rest settled on it as it died");

        // Rejected items are not checked (the API told the caller to retry them); what the store holds for them is logged.
        var rejectedExternalIds = JsonNode.Parse(batchText)!["items"]!.AsArray()
            .Where(i => i!["id"] is null)
            .Select(i => $"chaos-{(int)i!["index"]!:D4}")
            .ToHashSet(StringComparer.Ordinal);
        var storedForRejected = requests
            .Where(r => r.Value.Spec?.ExternalId is { } e && rejectedExternalIds.Contains(e))
            .Select(r => $"{r.Value.Spec!.ExternalId} {r.Value.Status}{(r.Value.Phase == RequestPhase.AwaitingPlan ? " awaiting plan" : string.Empty)}, process reminder: {remindersNow.Contains(r.Key)}");
        Log($"stored requests of rejected items: {string.Join("; ", storedForRejected)}");
        var holds = holdsAtKill.Concat(participants.SelectMany(p => p.Value.Holds.Select(h => (Participant: p.Key, Hold: h)))).ToList();
        await AssertExpiredHoldsIgnoredAsync(ats, holds);
        Log($"stored: {participants.Values.Sum(p => p.Bookings.Count)} bookings, {participants.Values.Sum(p => p.Holds.Count)} holds; every hold stored at the kill or at the end is gone or expired and ignored; done");
    }

    /// <summary>Waits until the cluster's membership shows the killed silo dead (the survivors' probes and votes: a killed process writes nothing), and logs how long it took.</summary>
    private async Task AssertDeclaredDeadAsync(IManagementGrain management, SiloAddress victim, DateTimeOffset killedAt)
    {
        while (await StatusOfAsync(management, victim) is var status && status != SiloStatus.Dead)
        {
            Assert.True(TimeProvider.System.GetUtcNow() - killedAt < TimeSpan.FromSeconds(30), $"{victim} is still {status} 30 s after the kill.");
            await Task.Delay(250);
        }

        Log($"{victim} declared dead {(TimeProvider.System.GetUtcNow() - killedAt).TotalSeconds:F1} s after the kill");
    }

    /// <summary>The victim's status as the cluster lists it; <see langword="null"/> while the management grain itself was on the victim and cannot be reached yet.</summary>
    private static async Task<SiloStatus?> StatusOfAsync(IManagementGrain management, SiloAddress victim)
    {
        try
        {
            return (await management.GetHosts()).GetValueOrDefault(victim);
        }
        catch (Exception ex) when (ex is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException)
        {
            return null;
        }
    }

    private static bool IsTerminal(RequestStatus status) =>
        status is RequestStatus.Booked or RequestStatus.Completed or RequestStatus.NoAvailability or RequestStatus.Failed or RequestStatus.Cancelled;

    private static string Census(IEnumerable<RequestState> states) =>
        string.Join(", ", states.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));

    private static void AssertNone(List<string> violations, string what) =>
        Assert.True(violations.Count == 0, $"{violations.Count} {what}:\n{string.Join("\n", violations.Take(30))}");

    private static HttpClient Client(ClusterGatewayFactory gateway, params string[] roles)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(Tenant, roles));
        client.Timeout = TimeSpan.FromMinutes(10);
        return client;
    }

    private static async Task CreateParticipantsAsync(HttpClient admin)
    {
        var people = Enumerable.Range(0, ChaosWorkload.Interviewers).Select(n => (Id: ChaosWorkload.Interviewer(n), Kind: "interviewer"))
            .Concat(Enumerable.Range(0, ChaosWorkload.Requests).Select(n => (Id: ChaosWorkload.Candidate(n), Kind: "candidate")));
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (person, _) =>
            await admin.PutJsonRetrying($"/v1/participants/{person.Id}", ChaosWorkload.Participant(person.Id, person.Kind)));
    }

    /// <summary>Polls the tenant's list of booked requests until it shows some (at most 4 min).</summary>
    private async Task<int> WaitForFirstBookingsAsync(HttpClient client, Task batch)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(4);
        while (true)
        {
            if (batch.IsFaulted)
            {
                await batch;
            }

            var page = await client.GetJsonRetrying("/v1/interview-requests?status=booked&limit=100");
            var booked = page["items"]!.AsArray().Count;
            if (booked >= 20)
            {
                return booked;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Fewer than 20 requests were booked within 4 min (batch answered: {batch.IsCompleted}).");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Reads every accepted request through the gateway until all are terminal (at most <see cref="SettleLimit"/>), retrying
    /// 5xx answers; a failure quotes what <paramref name="describe"/> finds in the store and what the silos' logs (under
    /// <paramref name="dataDirectory"/>) say about the requests left.
    /// </summary>
    private async Task<Dictionary<string, JsonNode>> WaitUntilTerminalAsync(HttpClient client, IReadOnlyList<string> ids, string dataDirectory, Func<IReadOnlyList<string>, Task<string>> describe)
    {
        var deadline = TimeProvider.System.GetUtcNow() + SettleLimit;
        var views = new System.Collections.Concurrent.ConcurrentDictionary<string, JsonNode>(StringComparer.Ordinal);
        var remaining = ids.ToList();
        while (true)
        {
            await Parallel.ForEachAsync(remaining, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
                views[id] = await client.GetJsonRetrying($"/v1/interview-requests/{id}"));
            remaining = [.. remaining.Where(id => !ChaosWorkload.Terminal.Contains((string)views[id]["status"]!))];
            if (remaining.Count == 0)
            {
                return new Dictionary<string, JsonNode>(views, StringComparer.Ordinal);
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"{remaining.Count} accepted requests are not terminal {SettleLimit.TotalMinutes} min after the kill:\n"
                    + string.Join("\n", remaining.Take(30).Select(id => $"{id}: {views[id]["status"]} {views[id]["history"]?.ToJsonString()}"))
                    + "\nThe store about them:\n" + await describe([.. remaining.Take(30)])
                    + "\nThe silos' logs about them:\n" + SiloLogs.Excerpts(dataDirectory, remaining.Take(5)));
            }

            Log($"{remaining.Count} accepted requests not terminal yet");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>
    /// Waits until the given holds have expired (each expires at most <see cref="HoldTtl"/> after it was
    /// taken, checked before), then asks each of their participants for its busy time through the
    /// gateway: an expired hold must not count as busy, whether it was purged or is still stored.
    /// </summary>
    private async Task AssertExpiredHoldsIgnoredAsync(HttpClient client, List<(string Participant, ParticipantBooking Hold)> holds)
    {
        if (holds.Count == 0)
        {
            return;
        }

        var lastExpiry = holds.Max(h => h.Hold.ExpiresAt!.Value);
        var wait = lastExpiry - TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            Log($"{holds.Count} stored holds; waiting {wait.TotalSeconds:F0} s until the last expires");
            await Task.Delay(wait);
        }

        foreach (var group in holds.GroupBy(h => h.Participant))
        {
            var id = GrainKeys.Split(group.Key).Id;
            var from = group.Min(h => h.Hold.Intervals.Min(i => i.Start)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var to = group.Max(h => h.Hold.Intervals.Max(i => i.End)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var busy = await client.GetJsonRetrying($"/v1/participants/{id}/busy?from={from}&to={to}");
            var liveHolds = busy["intervals"]!.AsArray().Where(i => (string?)i!["source"] == "hold").Select(i => i!.ToJsonString()).ToList();
            Assert.True(liveHolds.Count == 0, $"{id} still counts expired holds as busy: {string.Join(", ", liveHolds)}");
        }
    }

    private void Log(string message) => output.WriteLine($"{_clock.Elapsed:mm\\:ss\\.f} {message}");
}
