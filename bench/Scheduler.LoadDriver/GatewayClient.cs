using System.Net.Http.Headers;
using System.Text.Json;

namespace Scheduler.LoadDriver;

/// <summary>A thin client of the gateway's API v1 for one tenant.</summary>
internal sealed class GatewayClient(HttpClient http)
{
    public HttpClient Http => http;

    public static async Task<GatewayClient> ConnectAsync(HttpClient http, string tenant)
    {
        using var response = await http.PostAsJsonAsync("/dev/token", new { tenant, roles = new[] { "admin", "ats", "recruiter" }, minutes = 240 });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new GatewayClient(http);
    }

    public Task PutParticipantAsync(string id, object body) => PutAsync($"/v1/participants/{id}", body);

    public async Task PutAsync(string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body);
        await EnsureAsync(response);
    }

    public async Task<JsonArray> PostBatchAsync(IReadOnlyList<object> requests)
    {
        using var response = await http.PostAsJsonAsync("/v1/interview-requests/batch", new { requests });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }

    public async Task<JsonObject> ListAsync(string? cursor, int limit)
    {
        var url = $"/v1/interview-requests?limit={limit}" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
        return (await http.GetFromJsonAsync<JsonObject>(url))!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
