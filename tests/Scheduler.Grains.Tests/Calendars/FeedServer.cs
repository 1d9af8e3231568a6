using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>
/// A local Kestrel server that serves iCalendar feeds at <c>/feeds/{name}</c>: the body of each feed
/// is set by the test (fixture text or anything else), with a strong ETag and an optional
/// Last-Modified; conditional requests get 304. Every request is recorded.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Feed> _feeds = new(StringComparer.Ordinal);

    private FeedServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FeedServer? server = null;
        app.MapGet("/feeds/{name}", (string name, HttpContext context) => server!.Serve(name, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FeedServer(app, address);
        return server;
    }

    public string Url(string name) => $"{BaseUrl}/feeds/{name}";

    /// <summary>Serves <paramref name="body"/> at <c>/feeds/{name}</c> with status <paramref name="status"/>.</summary>
    public void Set(string name, string body, int status = 200, bool withETag = true, DateTimeOffset? lastModified = null) =>
        _feeds[name] = new Feed(body, status, withETag ? $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16]}\"" : null, lastModified);

    public string? ETagOf(string name) => _feeds[name].ETag;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Serve(string name, HttpContext context)
    {
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
        if (!_feeds.TryGetValue(name, out var feed))
        {
            Requests.Enqueue(new SeenRequest(name, ifNoneMatch, ifModifiedSince, 404));
            return Results.NotFound();
        }

        var notModified = feed.Status == 200
            && ((feed.ETag is not null && ifNoneMatch == feed.ETag)
                || (ifNoneMatch.Length == 0 && feed.LastModified is { } modified && DateTimeOffset.TryParse(ifModifiedSince, out var since) && modified <= since));
        var status = notModified ? 304 : feed.Status;
        Requests.Enqueue(new SeenRequest(name, ifNoneMatch, ifModifiedSince, status));
        if (feed.ETag is not null)
        {
            context.Response.Headers.ETag = feed.ETag;
        }

        if (feed.LastModified is { } lastModified)
        {
            context.Response.Headers.LastModified = lastModified.ToString("R");
        }

        return notModified ? Results.StatusCode(304) : Results.Text(feed.Body, "text/calendar; charset=utf-8", Encoding.UTF8, feed.Status);
    }

    public sealed record SeenRequest(string Name, string IfNoneMatch, string IfModifiedSince, int Status);

    private sealed record Feed(string Body, int Status, string? ETag, DateTimeOffset? LastModified);
}
