using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.Serialization;

namespace Scheduler.Gateway.Tests;

/// <summary>
/// The gateway in process, the one every gateway test starts: on its embedded default (SQLite under a data directory of
/// the test's choosing), with a test signing key, no demo data, its embedded silo on free loopback ports and the test
/// assembly's grains (<see cref="NoteGrain"/>). A test's own <paramref name="settings"/> (a stand-in's addresses, Slack's
/// secret, cluster-client mode, a bad value) are applied after these and win.
/// </summary>
/// <param name="dataDirectory">The data directory.</param>
/// <param name="settings">Further configuration keys and values; may be <see langword="null"/>.</param>
/// <param name="environment">The host environment.</param>
public sealed class GatewayFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Testing") : WebApplicationFactory<Program>
{
    public const string SigningKey = "gateway-tests-signing-key-0123456789abcdef";

    /// <summary>The Slack signing secret of <see cref="SlackWebhook"/>.</summary>
    public const string SlackSigningSecret = "slack-tests-signing-secret-8f14e45fceea167a";

    /// <summary>The settings that make <c>/webhooks/slack</c> live (<see cref="SlackSigningSecret"/>).</summary>
    public static IReadOnlyDictionary<string, string?> SlackWebhook { get; } = new Dictionary<string, string?> { ["Slack:SigningSecret"] = SlackSigningSecret };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Scheduler:Demo", "false");
        // Free loopback ports, so gateways of tests running in parallel never collide.
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(environment);
        builder.ConfigureServices(services => services.AddSerializer(serializer => serializer.AddAssembly(typeof(NoteGrain).Assembly)));
    }
}
