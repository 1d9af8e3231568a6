using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>
/// A local Kestrel server that serves iCalendar feeds at <c>/feeds/{name}</c>: the body of each feed
/// is set by the test (fixture text or anything else), with a strong ETag and an optional
/// Last-Modified; conditional requests get 304. A feed can be made to answer late, or never
/// (<see cref="Delay"/>). Every request is recorded: with its status, or with status 0 when it arrives at a delayed feed.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new(StringComparer.Ordinal);
    private LocalServer _server = null!;

    private FeedServer()
    {
    }

    /// <summary>The server's root without the trailing slash, <c>http://127.0.0.1:{port}</c>.</summary>
    public string BaseUrl => _server.BaseAddress.AbsoluteUri.TrimEnd('/');

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static async Task<FeedServer> StartAsync()
    {
        var server = new FeedServer();
        server._server = await LocalServer.StartAsync(app => app.MapGet("/feeds/{name}", (string name, HttpContext context) => server.ServeAsync(name, context)));
        return server;
    }

    /// <summary>Starts the server with one feed: <paramref name="body"/> at <c>/feeds/{name}</c>.</summary>
    public static async Task<FeedServer> StartAsync(string name, string body)
    {
        var server = await StartAsync();
        server.Set(name, body);
        return server;
    }

    public string Url(string name) => $"{BaseUrl}/feeds/{name}";

    /// <summary>Serves <paramref name="body"/> at <c>/feeds/{name}</c> with status <paramref name="status"/>.</summary>
    public void Set(string name, string body, int status = 200, bool withETag = true, DateTimeOffset? lastModified = null) =>
        _feeds[name] = new Feed(body, status, withETag ? $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16]}\"" : null, lastModified);

    public string? ETagOf(string name) => _feeds[name].ETag;

    /// <summary>Makes every later request for a feed wait <paramref name="delay"/> before it is answered (<see cref="Timeout.InfiniteTimeSpan"/>: never, until the client gives up).</summary>
    public void Delay(string name, TimeSpan delay) => _feeds[name] = _feeds[name] with { Delay = delay };

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> ServeAsync(string name, HttpContext context)
    {
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
        if (_feeds.TryGetValue(name, out var delayed) && delayed.Delay != TimeSpan.Zero)
        {
            Requests.Enqueue(new SeenRequest(name, ifNoneMatch, ifModifiedSince, 0));
            try
            {
                await Task.Delay(delayed.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }

            return Answer(delayed, ifNoneMatch, ifModifiedSince, context).Result;
        }

        if (!_feeds.TryGetValue(name, out var feed))
        {
            Requests.Enqueue(new SeenRequest(name, ifNoneMatch, ifModifiedSince, 404));
            return Results.NotFound();
        }

        var (result, status) = Answer(feed, ifNoneMatch, ifModifiedSince, context);
        Requests.Enqueue(new SeenRequest(name, ifNoneMatch, ifModifiedSince, status));
        return result;
    }

    private static (IResult Result, int Status) Answer(Feed feed, string ifNoneMatch, string ifModifiedSince, HttpContext context)
    {
        var notModified = feed.Status == 200
            && ((feed.ETag is not null && ifNoneMatch == feed.ETag)
                || (ifNoneMatch.Length == 0 && feed.LastModified is { } modified && DateTimeOffset.TryParse(ifModifiedSince, out var since) && modified <= since));
        if (feed.ETag is not null)
        {
            context.Response.Headers.ETag = feed.ETag;
        }

        if (feed.LastModified is { } lastModified)
        {
            context.Response.Headers.LastModified = lastModified.ToString("R");
        }

        return notModified ? (Results.StatusCode(304), 304) : (Results.Text(feed.Body, "text/calendar; charset=utf-8", Encoding.UTF8, feed.Status), feed.Status);
    }

    public sealed record SeenRequest(string Name, string IfNoneMatch, string IfModifiedSince, int Status);

    private sealed record Feed(string Body, int Status, string? ETag, DateTimeOffset? LastModified)
    {
        public TimeSpan Delay { get; init; }
    }
}
