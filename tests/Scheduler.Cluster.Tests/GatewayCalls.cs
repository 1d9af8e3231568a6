using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// HTTP calls to the gateway during a silo failure: idempotent calls (PUT of a participant, GET of a
/// request or of busy time) are repeated while the gateway answers 5xx (503 when the owning silo cannot
/// be reached), for at most two minutes.
/// </summary>
public static class GatewayCalls
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(2);

    /// <summary>Sends an idempotent request until it gets an answer below 500.</summary>
    /// <param name="client">The gateway client.</param>
    /// <param name="build">Builds a fresh request for every attempt.</param>
    /// <returns>The first answer below 500.</returns>
    public static async Task<HttpResponseMessage> SendIdempotent(this HttpClient client, Func<HttpRequestMessage> build)
    {
        var deadline = TimeProvider.System.GetUtcNow() + RetryFor;
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            using var request = build();
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode < 500)
            {
                return response;
            }

            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                Assert.Fail($"{request.Method} {request.RequestUri} kept failing for {RetryFor.TotalSeconds} s; last answer {status}: {body}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    /// <summary>GET <paramref name="url"/> as JSON, retrying 5xx; asserts 200.</summary>
    public static async Task<JsonNode> GetJsonRetrying(this HttpClient client, string url)
    {
        using var response = await client.SendIdempotent(() => new HttpRequestMessage(HttpMethod.Get, url));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>PUT <paramref name="body"/> as JSON, retrying 5xx; asserts success.</summary>
    public static async Task PutJsonRetrying(this HttpClient client, string url, object body)
    {
        using var response = await client.SendIdempotent(() => new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) });
        Assert.True(response.IsSuccessStatusCode, $"PUT {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>POST a JSON text once (not retried: the batch is not resent).</summary>
    public static async Task<HttpResponseMessage> PostJson(this HttpClient client, string url, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }
}
