using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Scheduler.Silo.Hosting;

/// <summary>
/// Fills <c>Cluster:AdvertisedIPAddress</c> on AWS Fargate, where a task's address is known only
/// once it runs: when the setting is empty and <c>ECS_CONTAINER_METADATA_URI_V4</c> is set (Fargate
/// platform 1.4.0+ injects it), the container metadata (<c>GET ${ECS_CONTAINER_METADATA_URI_V4}</c>,
/// "Task metadata endpoint version 4", Amazon ECS developer guide) gives the task's private IPv4
/// address (<c>Networks[0].IPv4Addresses[0]</c>, awsvpc mode), which the silo then advertises to
/// other silos and clients on its silo and gateway ports (<c>Cluster:SiloPort</c>, <c>Cluster:GatewayPort</c>).
/// </summary>
public static class EcsAdvertisedAddress
{
    /// <summary>The configuration key set: <c>Cluster:AdvertisedIPAddress</c>.</summary>
    public const string AddressKey = "Cluster:AdvertisedIPAddress";

    /// <summary>The environment variable that holds the container metadata URI.</summary>
    public const string MetadataVariable = "ECS_CONTAINER_METADATA_URI_V4";

    /// <summary>Sets <c>Cluster:AdvertisedIPAddress</c> from the task metadata when it is empty and the metadata URI is configured; otherwise changes nothing.</summary>
    /// <param name="configuration">The host's configuration (read for the metadata URI, written with the address).</param>
    /// <param name="http">The client for the metadata endpoint (<see cref="CreateClient"/>).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The address set, or <see langword="null"/> when nothing was changed.</returns>
    /// <exception cref="InvalidOperationException">The metadata could not be read (with the retries of <see cref="CreateClient"/>) or holds no IPv4 address.</exception>
    public static async Task<string?> ApplyAsync(IConfiguration configuration, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(http);
        var metadata = configuration[MetadataVariable];
        if (!string.IsNullOrWhiteSpace(configuration[AddressKey]) || string.IsNullOrWhiteSpace(metadata))
        {
            return null;
        }

        var address = await ReadAddressAsync(new Uri(metadata, UriKind.Absolute), http, cancellationToken).ConfigureAwait(false);
        configuration[AddressKey] = address;
        return address;
    }

    /// <summary>
    /// A client for the metadata endpoint: each attempt bounded by 2 s; network errors, timeouts, 408, 429 and 5xx
    /// retried twice, 1 s apart (Microsoft.Extensions.Http.Resilience); 10 s in all.
    /// </summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public static HttpClient CreateClient()
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Constant, UseJitter = false })
            .AddTimeout(TimeSpan.FromSeconds(2))
            .Build();
        return new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler() }) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private static async Task<string> ReadAddressAsync(Uri metadata, HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await http.GetStreamAsync(metadata, cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.TryGetProperty("Networks", out var networks)
                && networks.ValueKind == JsonValueKind.Array
                && networks.GetArrayLength() > 0
                && networks[0].TryGetProperty("IPv4Addresses", out var addresses)
                && addresses.ValueKind == JsonValueKind.Array
                && addresses.GetArrayLength() > 0
                && addresses[0].GetString() is { Length: > 0 } address)
            {
                return address;
            }

            throw new InvalidOperationException($"The container metadata at {metadata} has no Networks[0].IPv4Addresses[0].");
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Could not read the task's address from the container metadata at {metadata}.", exception);
        }
    }
}
