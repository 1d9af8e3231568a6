using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.Serialization;

namespace Scheduler.Gateway.Tests;

/// <summary>
/// The gateway in process, on its embedded default (SQLite under a data directory of the test's choosing), with a test
/// signing key, its embedded silo on free loopback ports and the test assembly's grains (<see cref="NoteGrain"/>).
/// </summary>
public sealed class GatewayFactory(string dataDirectory, bool demo = false, string environment = "Testing") : WebApplicationFactory<Program>
{
    public const string SigningKey = "gateway-tests-signing-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Scheduler:Demo", demo ? "true" : "false");
        UseFreeSiloPorts(builder);
        builder.UseEnvironment(environment);
        builder.ConfigureServices(services => services.AddSerializer(serializer => serializer.AddAssembly(typeof(NoteGrain).Assembly)));
    }

    /// <summary>Gives the embedded silo free loopback ports, so gateways of tests running in parallel never collide.</summary>
    public static void UseFreeSiloPorts(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
