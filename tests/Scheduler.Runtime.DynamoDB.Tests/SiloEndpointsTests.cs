using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scheduler.Silo.Hosting;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>The silo host's two listeners: health over HTTP/1.1 on <c>Urls</c>, grain calls over HTTP/2 (h2c) on the advertised endpoint's port.</summary>
public sealed class SiloEndpointsTests
{
    [Fact]
    public async Task HealthOnUrls_OverHttp11_AndCallsOnTheAdvertisedPort_OverH2c()
    {
        var (health, calls) = (FreePort(), FreePort());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", $"http://127.0.0.1:{health}");
        builder.Configuration["Cluster:AdvertisedEndpoint"] = $"http://127.0.0.1:{calls}/";

        var callPort = SiloEndpoints.Configure(builder);

        await using var app = builder.Build();
        app.MapGet("/ping", (HttpContext context) => context.Request.Protocol);
        await app.StartAsync();
        using var http11 = new HttpClient();
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        Assert.Equal(calls, callPort);
        Assert.Equal("HTTP/1.1", await http11.GetStringAsync(new Uri($"http://127.0.0.1:{health}/ping")));
        Assert.Equal("HTTP/2", await h2c.GetStringAsync(new Uri($"http://127.0.0.1:{calls}/ping")));
        await Assert.ThrowsAsync<HttpRequestException>(() => http11.GetStringAsync(new Uri($"http://127.0.0.1:{calls}/ping"))); // HTTP/2 only
        await app.StopAsync();
    }

    [Theory]
    [InlineData("https://127.0.0.1:5090")]
    [InlineData("http://silo.internal:5090")]
    [InlineData("not a url")]
    public void UrlsThatKestrelCannotBeToldToListenOn_FailNamingTheEntry(string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", urls);

        var error = Assert.Throws<InvalidOperationException>(() => SiloEndpoints.Configure(builder));
        Assert.Contains(urls, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CallPortAlsoInUrls_Fails()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:7000");
        builder.Configuration["Cluster:AdvertisedEndpoint"] = "http://127.0.0.1:7000/";

        var error = Assert.Throws<InvalidOperationException>(() => SiloEndpoints.Configure(builder));
        Assert.Contains("7000", error.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
