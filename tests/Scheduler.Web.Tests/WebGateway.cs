using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scheduler.Web.Tests;

/// <summary>
/// The gateway in process on a real loopback port (Kestrel), so a browser can reach it: the embedded silo on SQLite under a
/// temporary directory and free ports, a test signing key, and the settings a test adds (the demo tenant, the environment).
/// </summary>
/// <param name="dataDirectory">The data directory.</param>
/// <param name="settings">Further configuration keys and values.</param>
/// <param name="environment">The host environment.</param>
public sealed class WebGateway(string dataDirectory, IReadOnlyDictionary<string, string?> settings, string environment) : WebApplicationFactory<Program>
{
    public const string SigningKey = "web-tests-signing-key-0123456789abcdef0123";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(environment);
        // The framework's script (_framework/blazor.web.js) is found through the build's static web assets manifest, which
        // only Development reads by itself; a published gateway serves it from its wwwroot.
        builder.UseStaticWebAssets();
    }
}
