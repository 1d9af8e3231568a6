using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Scheduler.Silo.Hosting;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>On Fargate the silo advertises the address the ECS container metadata (v4) gives its task; a local stand-in serves the documented response.</summary>
public sealed class EcsAdvertisedEndpointTests
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
    public async Task MetadataUriSet_AndNoEndpointConfigured_AdvertisesTheTaskAddressOnTheCallPort()
    {
        await using var metadata = await StartMetadataAsync(ContainerMetadata);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcsAdvertisedEndpoint.MetadataVariable] = metadata.Urls.Single() + "/v4/abc",
        }).Build();
        using var http = new HttpClient();

        var endpoint = await EcsAdvertisedEndpoint.ApplyAsync(configuration, http, CancellationToken.None);

        Assert.Equal("http://10.0.2.106:5091/", endpoint);
        Assert.Equal(endpoint, configuration["Cluster:AdvertisedEndpoint"]);
    }

    [Fact]
    public async Task EndpointConfigured_IsKept_AndNoMetadataIsRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcsAdvertisedEndpoint.MetadataVariable] = "http://127.0.0.1:1/v4/abc",
            ["Cluster:AdvertisedEndpoint"] = "http://silo-1:7000/",
        }).Build();
        using var http = new HttpClient();

        Assert.Null(await EcsAdvertisedEndpoint.ApplyAsync(configuration, http, CancellationToken.None));
        Assert.Equal("http://silo-1:7000/", configuration["Cluster:AdvertisedEndpoint"]);
    }

    [Fact]
    public async Task MetadataWithoutAnAddress_FailsNamingTheField()
    {
        await using var metadata = await StartMetadataAsync("""{"Name":"silo","Networks":[]}""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EcsAdvertisedEndpoint.MetadataVariable] = metadata.Urls.Single() + "/v4/abc",
        }).Build();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EcsAdvertisedEndpoint.ApplyAsync(configuration, http, CancellationToken.None));
        Assert.Contains("IPv4Addresses", error.Message, StringComparison.Ordinal);
        Assert.Null(configuration["Cluster:AdvertisedEndpoint"]);
    }

    private static async Task<WebApplication> StartMetadataAsync(string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/v4/abc", () => Results.Text(body, "application/json"));
        await app.StartAsync();
        return app;
    }
}
