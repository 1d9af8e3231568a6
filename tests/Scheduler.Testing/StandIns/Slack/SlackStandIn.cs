namespace Scheduler.Testing.StandIns.Slack;

/// <summary>
/// A local Slack Web API stand-in on Kestrel, following Slack's documented contract for <c>chat.postMessage</c> and
/// <c>chat.update</c>: HTTP 200 with <c>{"ok":true,…}</c> or <c>{"ok":false,"error":…}</c>, bearer token required
/// (<c>not_authed</c>/<c>invalid_auth</c>), unknown channels <c>channel_not_found</c>, <c>no_text</c> without text, and
/// HTTP 429 with <c>Retry-After</c> (seconds) for the first calls to channels configured to be rate limited.
/// A post to a user id (<c>U…</c>/<c>W…</c>) goes to that user's DM channel and answers with the DM's <c>D…</c> id.
/// <c>chat.update</c> needs the channel id the post answered with (for a DM the <c>D…</c> id; a user id is
/// <c>channel_not_found</c>) and the <c>ts</c> of a message in it (else <c>message_not_found</c>); it replaces the
/// message's text and blocks and answers <c>{"ok":true,"channel","ts","text","message"}</c>.
/// Each accepted call is recorded with the clock the test gives it.
/// </summary>
internal sealed class SlackStandIn : IAsyncDisposable
{
    public const string Token = "xoxb-test-token";

    private LocalServer _server = null!;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, int> _limitedCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<(string Channel, string Ts), JsonNode> _messages = new();
    private long _ts = 1_770_000_000;

    private SlackStandIn(TimeProvider clock)
    {
        _clock = clock;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Channels that exist (others get <c>channel_not_found</c>).</summary>
    public HashSet<string> Channels { get; } = ["C-RECRUIT", "C-ONE", "C-TWO", "C-LIMITED", "U-GRACE"];

    /// <summary>Channel → how many calls get 429 before one succeeds.</summary>
    public ConcurrentDictionary<string, int> RateLimitFirst { get; } = new(StringComparer.Ordinal);

    /// <summary>The current content (<c>text</c>, <c>blocks</c>) of a posted message, or <see langword="null"/>.</summary>
    public JsonNode? Message(string channel, string ts) => _messages.GetValueOrDefault((channel, ts));

    /// <summary>Every call, including refused ones, in arrival order.</summary>
    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    public static async Task<SlackStandIn> StartAsync(TimeProvider clock)
    {
        var standIn = new SlackStandIn(clock);
        standIn._server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/api/{method}", standIn.HandleAsync);
        });
        standIn.BaseUrl = standIn._server.Url("api/");
        return standIn;
    }

    private async Task<IResult> HandleAsync(string method, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        var channel = body?["channel"]?.GetValue<string>() ?? string.Empty;
        var text = body?["text"]?.GetValue<string>();
        var auth = request.Headers.Authorization.ToString();
        var now = _clock.GetUtcNow();
        if (RateLimitFirst.TryGetValue(channel, out var limit) && _limitedCalls.AddOrUpdate(channel, 1, (_, n) => n + 1) <= limit)
        {
            _calls.Enqueue(new SlackCall(method, channel, text, body, now, 429, "ratelimited"));
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(429);
        }

        var update = method == "chat.update";
        var target = !update && IsUser(channel) && Channels.Contains(channel) ? DirectChannel(channel) : channel;
        var updateTs = update ? body?["ts"]?.GetValue<string>() : null;
        string? error = auth.Length == 0 ? "not_authed"
            : auth != "Bearer " + Token ? "invalid_auth"
            : method is not ("chat.postMessage" or "chat.update") ? "unknown_method"
            : update ? (!KnownChannel(channel) ? "channel_not_found" : updateTs is null || !_messages.ContainsKey((channel, updateTs)) ? "message_not_found" : null)
            : !Channels.Contains(channel) ? "channel_not_found"
            : null;
        error ??= string.IsNullOrEmpty(text) && body?["blocks"] is null ? "no_text" : null;
        _calls.Enqueue(new SlackCall(method, channel, text, body, now, 200, error));
        if (error is not null)
        {
            return Results.Json(new JsonObject { ["ok"] = false, ["error"] = error });
        }

        var ts = updateTs ?? $"{Interlocked.Increment(ref _ts)}.000100";
        _messages[(target, ts)] = new JsonObject { ["text"] = text, ["blocks"] = body?["blocks"]?.DeepClone() };
        var answer = new JsonObject { ["ok"] = true, ["channel"] = target, ["ts"] = ts, ["message"] = new JsonObject { ["text"] = text } };
        if (update)
        {
            answer["text"] = text;
        }

        return Results.Json(answer);
    }

    private static bool IsUser(string channel) => channel.StartsWith('U') || channel.StartsWith('W');

    /// <summary>The DM channel id of a user: <c>D</c> followed by the user id without its first letter.</summary>
    private static string DirectChannel(string user) => "D" + user[1..];

    private bool KnownChannel(string channel) =>
        (Channels.Contains(channel) && !IsUser(channel)) || (channel.StartsWith('D') && Channels.Contains("U" + channel[1..]));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record SlackCall(string Method, string Channel, string? Text, JsonNode? Body, DateTimeOffset At, int Status, string? Error);
