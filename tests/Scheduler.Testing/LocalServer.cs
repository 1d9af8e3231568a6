using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Scheduler.Testing;

/// <summary>
/// A Kestrel server on a free loopback port, without logging, for the local stand-ins of remote HTTP services
/// (calendar feeds, Google, Graph, Slack, the ECS metadata endpoint). The caller maps the routes.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:{port}/</c> (with the trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a server whose routes <paramref name="map"/> adds, and returns once it listens.</summary>
    /// <param name="map">Maps the routes (minimal-API handlers) on the application before it starts.</param>
    /// <returns>The started server; dispose it to stop it.</returns>
    public static async Task<LocalServer> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The absolute address of <paramref name="relative"/> (no leading slash) on this server.</summary>
    /// <param name="relative">A path relative to the root, such as <c>api/</c> or <c>feeds/a.ics</c>.</param>
    /// <returns>The absolute URI.</returns>
    public Uri Url(string relative) => new(BaseAddress, relative);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
