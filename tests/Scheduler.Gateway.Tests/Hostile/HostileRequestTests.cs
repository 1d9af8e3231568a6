using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit.Abstractions;

namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// Ten thousand generated hostile requests (FsCheck, fixed seed) through the in-process gateway on its embedded SQLite
/// store, seeded with two tenants: no answer may be a 5xx, a rejected request may not change a byte of the store,
/// Alpha's token may never read or alter Bravo's data, and an error may not quote more than 40 characters of a value.
/// The webhooks are live (Slack signing secret, Google and Graph webhook addresses) and Google OAuth is configured
/// against an address nothing listens on, so forged deliveries and callbacks reach the code that must refuse them.
/// Microsoft OAuth stays unconfigured (its routes answer 404): its app-only connect would call the identity platform
/// at once, and a refusal from there is a 502 by design.
/// </summary>
public sealed class HostileRequestTests(ITestOutputHelper output)
{
    /// <summary>The seed CI uses; <c>SCHEDULER_HOSTILE_SEED</c> replays another.</summary>
    private const ulong DefaultSeed = 1_405_2026;

    private const int Count = 10_000;

    private const string Nowhere = "http://127.0.0.1:9/";

    [Fact]
    public async Task Gateway_TenThousandHostileRequests_NoServerErrorAndRejectedRequestsChangeNothing()
    {
        using var data = new TempDirectory();
        using var factory = new GatewayFactory(data.Path, Settings);
        HttpClient Create()
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.Timeout = TimeSpan.FromMinutes(2);
            return client;
        }

        var world = await HostileWorld.SeedAsync(Create);
        var seed = Environment.GetEnvironmentVariable("SCHEDULER_HOSTILE_SEED") is { Length: > 0 } replay ? ulong.Parse(replay, CultureInfo.InvariantCulture) : DefaultSeed;
        output.WriteLine($"Seed {seed} (SCHEDULER_HOSTILE_SEED replays another), {Count} requests.");
        var generator = new HostileRequests(world, HostileTokens.Create());
        var requests = generator.Sample(seed, Count);

        using var http = Create();
        var run = new HostileRun(http, StoreSnapshot.FindDatabases(data.Path), world.BravoSecrets);
        await run.StartAsync();
        var elapsed = Stopwatch.StartNew();
        foreach (var request in requests)
        {
            await run.SendAsync(request);
        }

        output.WriteLine($"{run.Sent} sent in {elapsed.Elapsed.TotalSeconds:F1} s: {run.Rejected} rejected (store checked), {run.Accepted} accepted, {run.BackgroundChanges} store changes between requests.");
        output.WriteLine($"Of that, {run.SnapshotTime.TotalSeconds:F1} s taking snapshots, {run.SettleTime.TotalSeconds:F1} s waiting for the store to settle after accepted requests.");
        foreach (var line in run.Summary())
        {
            output.WriteLine(line);
        }

        Assert.Empty(generator.Routes.Select(r => r.Name).Except(run.Routes));
        Assert.True(run.Failures.Count == 0, $"Seed {seed}: {run.Failures.Count} failures:\n{string.Join("\n", run.Failures)}");
    }

    /// <summary>Slack's secret and the Google and Microsoft webhook addresses, so forged webhooks reach the code that must refuse them; Google's API is an address nothing listens on.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Slack:SigningSecret"] = HostileRequests.SlackSecret,
        ["Google:ApiBaseUrl"] = Nowhere,
        ["Google:TokenUrl"] = Nowhere + "token",
        ["Google:AuthUrl"] = Nowhere + "auth",
        ["Google:ClientId"] = "hostile-client",
        ["Google:ClientSecret"] = "hostile-secret",
        ["Google:RedirectUri"] = "http://localhost/v1/oauth/google/callback",
        ["Google:WebhookUrl"] = "http://localhost/webhooks/google",
        ["Microsoft:WebhookUrl"] = "https://localhost/webhooks/microsoft",
    };
}
