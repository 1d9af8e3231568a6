using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// A small typed client of the Slack Web API over <see cref="HttpClient"/>: <c>chat.postMessage</c> and
/// <c>chat.update</c> as JSON with the bot token. Calls to one channel are spaced by <see cref="SlackRateGate"/>;
/// HTTP 429 is retried after its <c>Retry-After</c> (seconds), 5xx, network failures and Slack's transient errors
/// with exponential backoff and jitter (Polly); <c>{"ok":false,"error":…}</c> becomes a <see cref="SlackApiException"/>.
/// </summary>
public sealed partial class SlackClient : ISlackClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly SlackOptions _options;
    private readonly SlackRateGate _gate;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<SlackClient> _logger;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client; its base address is set from <see cref="SlackOptions.BaseUrl"/> when empty.</param>
    /// <param name="options">The Slack settings.</param>
    /// <param name="gate">The per-channel spacing, shared by every client of the process.</param>
    /// <param name="time">The clock of the retry delays.</param>
    /// <param name="logger">The logger.</param>
    public SlackClient(HttpClient http, IOptions<SlackOptions> options, SlackRateGate gate, TimeProvider time, ILogger<SlackClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gate);
        _http = http;
        _options = options.Value;
        _http.BaseAddress ??= _options.BaseUrl;
        _logger = logger;
        _gate = gate;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Clamp(_options.MaxRetries, 0, 10) is var retries and > 0 ? retries : 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, _options.RetryBaseDelayMilliseconds)),
                ShouldHandle = new PredicateBuilder()
                    .Handle<SlackApiException>(e => e.IsTransient && _options.MaxRetries > 0)
                    .Handle<HttpRequestException>(_ => _options.MaxRetries > 0),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is SlackApiException { RetryAfter: not null } ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    Log.Retrying(_logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <inheritdoc />
    public Task<SlackPostResult> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync("chat.postMessage", message, Body(message, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SlackPostResult> UpdateMessageAsync(string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ts);
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync("chat.update", message, Body(message, ts), cancellationToken);
    }

    private static string Body(SlackMessage message, string? ts)
    {
        var body = new JsonObject { ["channel"] = message.Channel, ["text"] = message.Text };
        if (ts is not null)
        {
            body["ts"] = ts;
        }

        if (message.Blocks is not null)
        {
            body["blocks"] = message.Blocks.DeepClone();
        }

        return body.ToJsonString();
    }

    private async Task<SlackPostResult> CallAsync(string method, SlackMessage message, string body, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(
            async token =>
            {
                await _gate.WaitAsync(message.Channel, token);
                return await SendOnceAsync(method, message.Channel, body, token);
            },
            cancellationToken);

    private async Task<SlackPostResult> SendOnceAsync(string method, string channel, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body, Encoding.UTF8, Json),
        };
        if (!string.IsNullOrEmpty(_options.BotToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            _gate.Block(channel, retryAfter);
            Log.RateLimited(_logger, method, channel, retryAfter.TotalSeconds);
            throw new SlackApiException(method, "ratelimited", retryAfter);
        }

        if ((int)response.StatusCode >= 500)
        {
            throw new SlackApiException(method, "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, response.IsSuccessStatusCode ? "invalid_response" : "http_" + (int)response.StatusCode);
        }

        if (json?["ok"]?.GetValue<bool>() != true)
        {
            throw new SlackApiException(method, json?["error"]?.GetValue<string>() ?? "unknown_error");
        }

        return new SlackPostResult(json["channel"]?.GetValue<string>() ?? channel, json["ts"]?.GetValue<string>() ?? string.Empty);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Slack {Method} to {Channel} rate limited; retrying after {Seconds} s")]
        public static partial void RateLimited(ILogger logger, string method, string channel, double seconds);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Slack call retry {Attempt}: {Reason}")]
        public static partial void Retrying(ILogger logger, int attempt, string? reason);
    }
}
