using System.Net;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Testing;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>The Silo host, started in process with <c>Cluster:Provider=DynamoDB</c> against dynalite.</summary>
public sealed class SiloHostConfigurationTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>
{
    [Fact]
    public async Task SiloHost_ProviderDynamoDb_WritesGrainStateAndMembershipToDynamoDb()
    {
        using var data = new TempDirectory();
        var prefix = $"host-{Guid.NewGuid():N}-";
        var serviceId = $"svc-{Guid.NewGuid():N}";
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Scheduler:DataDirectory", data.Path);
            builder.UseSetting("Cluster:Provider", "DynamoDB");
            builder.UseSetting("Cluster:ServiceId", serviceId);
            builder.UseSetting("Cluster:ClusterId", "blue");
            builder.UseSetting("Cluster:SiloName", "silo-1");
            builder.UseSetting("Cluster:DynamoDB:ServiceUrl", dynalite.ServiceUrl);
            builder.UseSetting("Cluster:DynamoDB:TablePrefix", prefix);
            builder.UseSetting("Cluster:DynamoDB:CreateTables", "true");
            builder.UseSetting("Cluster:Membership:IAmAlivePeriod", "00:00:01");
        });
        await using (factory)
        {
            using var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

            var grains = factory.Services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IParticipantGrain>("acme/ada").UpsertProfile(
                new ParticipantProfile("Ada", "ada@example.test", ParticipantKind.Interviewer, "Europe/London", [new WeeklyHours(["Mon"], "09:00", "17:00")]));

            var state = await dynalite.Client.ScanAsync(new ScanRequest { TableName = prefix + "grain-state" });
            Assert.Contains(state.Items, item => item["pk"].S.StartsWith(serviceId + "/", StringComparison.Ordinal) && item["pk"].S.EndsWith("/acme/ada", StringComparison.Ordinal));

            var membership = new DynamoDbMembershipTable(dynalite.Client, prefix + "membership", serviceId, "blue");
            var row = Assert.Single((await membership.ReadAllAsync(CancellationToken.None)).Rows);
            Assert.Equal("silo-1", row.Entry.Silo.Name);
            Assert.Equal(SiloMembershipStatus.Active, row.Entry.Status);
            Assert.Equal([row.Entry.Silo], factory.Services.GetRequiredService<IClusterMembershipView>().Current.ActiveSilos);
        }

        // Stopped gracefully: the row says Dead, and nothing went to SQLite.
        var after = await new DynamoDbMembershipTable(dynalite.Client, prefix + "membership", serviceId, "blue").ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloMembershipStatus.Dead, Assert.Single(after.Rows).Entry.Status);
        Assert.False(File.Exists(Path.Combine(data.Path, "scheduler.db")));
    }

    [Fact]
    public void SiloHost_UnknownProvider_FailsWithTheKeyAndTheChoices()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseSetting("Cluster:Provider", "Cassandra"));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("Cluster:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("DynamoDB", error.Message, StringComparison.Ordinal);
    }
}
