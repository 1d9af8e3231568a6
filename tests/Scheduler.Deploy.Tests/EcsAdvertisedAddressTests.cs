extern alias silo;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scheduler.Testing;
using EcsAdvertisedAddress = silo::Scheduler.Silo.Hosting.EcsAdvertisedAddress;

namespace Scheduler.Deploy.Tests;

/// <summary>On Fargate the silo advertises the address the ECS container metadata (v4) gives its task; a local stand-in serves the documented response.</summary>
public sealed class EcsAdvertisedAddressTests
{
    // The shape of GET ${ECS_CONTAINER_METADATA_URI_V4} (container metadata) for an awsvpc task, trimmed.
    private const string ContainerMetadata = """
        {"DockerId":"cd189a933e5849daa93386466019ab50-2495160603","Name":"silo","DockerName":"silo",
         "Image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/scheduler-silo:latest",
         "Labels":{"com.amazonaws.ecs.cluster":"scheduler-prod"},"DesiredStatus":"RUNNING","KnownStatus":"RUNNING",
         "Networks":[{"NetworkMode":"awsvpc","IPv4Addresses":["10.0.2.106"],"AttachmentIndex":0,"IPv4SubnetCIDRBlock":"10.0.2.0/24",
                      "PrivateDNSName":"ip-10-0-2-106.ec2.internal","SubnetGatewayIpv4Address":"10.0.2.1/24"}]}
        """;

    [Fact]
    public async Task MetadataUriSet_AndNoAddressConfigured_AdvertisesTheTaskAddress()
    {
        await using var metadata = await StartMetadataAsync(ContainerMetadata);
        var configuration = Configuration(metadata.Url("v4/abc").AbsoluteUri);
        using var http = new HttpClient();

        var address = await EcsAdvertisedAddress.ApplyAsync(configuration, http, CancellationToken.None);

        Assert.Equal("10.0.2.106", address);
        Assert.Equal(address, configuration["Cluster:AdvertisedIPAddress"]);
    }

    [Fact]
    public async Task AddressConfigured_IsKept_AndNoMetadataIsRead()
    {
        var configuration = Configuration("http://127.0.0.1:1/v4/abc", advertised: "10.9.8.7");
        using var http = new HttpClient();

        Assert.Null(await EcsAdvertisedAddress.ApplyAsync(configuration, http, CancellationToken.None));
        Assert.Equal("10.9.8.7", configuration["Cluster:AdvertisedIPAddress"]);
    }

    [Fact]
    public async Task NoMetadataUri_ChangesNothing()
    {
        var configuration = Configuration(metadataUri: null);
        using var http = new HttpClient();

        Assert.Null(await EcsAdvertisedAddress.ApplyAsync(configuration, http, CancellationToken.None));
        Assert.Null(configuration["Cluster:AdvertisedIPAddress"]);
    }

    [Fact]
    public async Task MetadataWithoutAnAddress_FailsNamingTheField()
    {
        await using var metadata = await StartMetadataAsync("""{"Name":"silo","Networks":[]}""");
        var configuration = Configuration(metadata.Url("v4/abc").AbsoluteUri);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EcsAdvertisedAddress.ApplyAsync(configuration, http, CancellationToken.None));
        Assert.Contains("IPv4Addresses", error.Message, StringComparison.Ordinal);
        Assert.Null(configuration["Cluster:AdvertisedIPAddress"]);
    }

    private static IConfiguration Configuration(string? metadataUri, string? advertised = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcsAdvertisedAddress.MetadataVariable] = metadataUri,
            [EcsAdvertisedAddress.AddressKey] = advertised,
        }).Build();

    [Fact]
    public async Task MetadataUnavailableTwice_ThirdAttemptGivesTheAddress()
    {
        var calls = 0;
        await using var metadata = await StartMetadataAsync(ContainerMetadata, () => Interlocked.Increment(ref calls) <= 2);
        var configuration = Configuration(metadata.Url("v4/abc").AbsoluteUri);
        using var http = EcsAdvertisedAddress.CreateClient();

        var address = await EcsAdvertisedAddress.ApplyAsync(configuration, http, CancellationToken.None);

        Assert.Equal("10.0.2.106", address);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task MetadataAlwaysUnavailable_FailsAfterThreeAttempts()
    {
        var calls = 0;
        await using var metadata = await StartMetadataAsync(ContainerMetadata, () => Interlocked.Increment(ref calls) > 0);
        var configuration = Configuration(metadata.Url("v4/abc").AbsoluteUri);
        using var http = EcsAdvertisedAddress.CreateClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EcsAdvertisedAddress.ApplyAsync(configuration, http, CancellationToken.None));

        Assert.Contains("container metadata", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, calls);
        Assert.Null(configuration["Cluster:AdvertisedIPAddress"]);
    }

    /// <summary>Serves <paramref name="body"/>, or 503 while <paramref name="unavailable"/> says so (called once per request).</summary>
    private static Task<LocalServer> StartMetadataAsync(string body, Func<bool>? unavailable = null) =>
        LocalServer.StartAsync(app => app.MapGet("/v4/abc", () => unavailable?.Invoke() == true ? Results.StatusCode(503) : Results.Text(body, "application/json")));
}
