using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Grains.Notifications.Slack;

/// <summary>
/// A small typed client of the Slack Web API over <see cref="HttpClient"/>: <c>chat.postMessage</c> and
/// <c>chat.update</c> as JSON with the bot token. The client's handlers space calls per channel, outside the
/// attempts (<see cref="SlackRateGateHandler"/>), and retry 429 after its <c>Retry-After</c>, 5xx, network failures and Slack's
/// transient errors (<see cref="IsTransientAnswerAsync"/>) with exponential backoff and jitter
/// (<see cref="Common.Http.HttpRetryResilience"/>); <c>{"ok":false,"error":…}</c> becomes a <see cref="SlackApiException"/>.
/// </summary>
public sealed class SlackClient : ISlackClient
{
    /// <summary>The longest wait between attempts; a longer <c>Retry-After</c> ends the retries (the outbox tries again later).</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>The limit of one attempt.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly SlackOptions _options;

    /// <summary>Creates the client.</summary>
    /// <param name="http">The HTTP client (with the handlers above); its base address is set from <see cref="SlackOptions.BaseUrl"/> when empty.</param>
    /// <param name="options">The Slack settings.</param>
    public SlackClient(HttpClient http, IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _http.BaseAddress ??= _options.BaseUrl;
    }

    /// <summary>Whether an answer besides 408, 429 and 5xx is worth retrying: <c>{"ok":false}</c> with a rate-limit or server error.</summary>
    /// <param name="response">The answer.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns><see langword="true"/> when <see cref="SlackApiException.Classify"/> calls the error transient.</returns>
    public static async ValueTask<bool> IsTransientAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json?["ok"]?.GetValue<bool>() == false && json["error"]?.GetValue<string>() is { } error
                && SlackApiException.Classify(error) is SlackErrorKind.RateLimited or SlackErrorKind.ServerError;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task<SlackPostResult> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync("chat.postMessage", message.Channel, Body(message, null), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SlackPostResult> UpdateMessageAsync(string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ts);
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync("chat.update", message.Channel, Body(message, ts), cancellationToken);
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

    private async Task<SlackPostResult> SendAsync(string method, string channel, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(body, Encoding.UTF8, Json),
        };
        request.Options.Set(SlackRateGateHandler.Channel, channel);
        request.Options.Set(Common.Http.HttpRetryResilience.Operation, "Slack " + method);
        if (!string.IsNullOrEmpty(_options.BotToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.BotToken);
        }

        using var response = await SendOrThrowAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackApiException(method, "ratelimited", response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
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

    /// <summary>Sends; an attempt timeout or an open circuit after the retries becomes an <see cref="HttpRequestException"/>, as a network error is.</summary>
    private async Task<HttpResponseMessage> SendOrThrowAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not HttpRequestException && Common.Http.HttpRetryResilience.IsUnreachable(exception, cancellationToken))
        {
            throw new HttpRequestException($"Slack could not be reached: {exception.Message}", exception);
        }
    }
}
