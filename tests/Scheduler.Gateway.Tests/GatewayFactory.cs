using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Catalog;

namespace Scheduler.Gateway.Tests;

/// <summary>The gateway in process, on its embedded default (SQLite under a data directory of the test's choosing), with a test signing key.</summary>
public sealed class GatewayFactory(string dataDirectory, bool demo = false, string environment = "Testing") : WebApplicationFactory<Program>
{
    public const string SigningKey = "gateway-tests-signing-key-0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:DataDirectory", dataDirectory);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Scheduler:Demo", demo ? "true" : "false");
        builder.UseEnvironment(environment);
        builder.ConfigureServices(services => services.AddSingleton(new GrainAssembly(typeof(NoteGrain).Assembly)));
    }
}
