using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Client;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Testing;

namespace Scheduler.Gateway.Tests;

/// <summary>The gateway as a cluster client (<c>Scheduler:ClusterClient=true</c>) with no silo running: it hosts no grains, writes no membership row, is not ready, and answers calls it cannot place with 503 and Retry-After.</summary>
public sealed class ClusterClientModeTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task NoActiveSilo_NotReady_And503WithRetryAfter_AndNoMembershipRow()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Scheduler:DataDirectory", _data.Path);
            builder.UseSetting("Scheduler:ClusterClient", "true");
            builder.UseSetting("Cluster:CallTimeout", "00:00:01");
            builder.UseSetting("Auth:SigningKey", GatewayFactory.SigningKey);
            builder.UseEnvironment("Testing");
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Mint("acme", ["recruiter"]));

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var read = await client.GetAsync(new Uri("/v1/interview-requests/0123456789abcdef0123456789abcdef", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(2), read.Headers.RetryAfter?.Delta);
        Assert.IsType<ClusterClientMembershipView>(factory.Services.GetRequiredService<IClusterMembershipView>());
        Assert.Empty((await factory.Services.GetRequiredService<IMembershipTable>().ReadAllAsync(CancellationToken.None)).Rows);
    }

    public void Dispose() => _data.Dispose();
}
