using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scheduler.Providers.DynamoDB.Health;

namespace Scheduler.Providers.Tests.DynamoDB;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDBHealthCheckTests(DynaliteFixture dynalite)
{
    [Fact]
    public async Task CheckHealth_AllTablesActive_IsHealthy()
    {
        var table = DynaliteFixture.NewTableName("silos");
        using (var membership = DynamoDBAdapters.MembershipTableFor(dynalite, "c", table))
        {
            await membership.InitializeMembershipTableAsync(false, CancellationToken.None);
        }

        var report = await CheckAsync(table);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("ACTIVE", report.Entries["dynamodb"].Data[table]);
    }

    [Fact]
    public async Task CheckHealth_MissingTable_IsUnhealthyNamingIt()
    {
        var missing = DynaliteFixture.NewTableName("missing");

        var report = await CheckAsync(missing);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal($"{missing} is MISSING", report.Entries["dynamodb"].Description);
    }

    private async Task<HealthReport> CheckAsync(string table)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks().AddDynamoDBTables(o =>
        {
            o.Connect(dynalite);
            o.TableNames.Clear();
            o.TableNames.Add(table);
        });
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
    }
}
