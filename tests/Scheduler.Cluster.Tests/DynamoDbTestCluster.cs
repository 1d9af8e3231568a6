using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Notifications;
using Scheduler.Runtime;
using Scheduler.Runtime.DynamoDB;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Storage;
using Scheduler.Runtime.Testing;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// A <see cref="TestCluster"/> whose silos host the product grains (with the services the Silo host
/// registers: notifications, calendar sources, Google and Microsoft connectors, none configured) and
/// keep grain state, reminders and membership in DynamoDB (dynalite), like a deployed cluster. Each
/// silo's storage and reminder table sit behind its <see cref="SiloKillSwitch"/>.
/// </summary>
public sealed class DynamoDbTestCluster : IAsyncDisposable
{
    /// <summary>The table prefix: the fixture's tables are <c>test-grain-state</c>, <c>test-reminders</c>, <c>test-membership</c>.</summary>
    public const string TablePrefix = "test-";

    /// <summary>Heartbeats and view refreshes every 500 ms; a silo whose heartbeat is 6 s old is declared dead.</summary>
    public static readonly MembershipOptions Membership = new()
    {
        IAmAlivePeriod = TimeSpan.FromMilliseconds(500),
        TableRefreshPeriod = TimeSpan.FromMilliseconds(500),
        DeathThreshold = TimeSpan.FromSeconds(6),
    };

    /// <summary>The call timeout of silos and gateway (the runtime's default).</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private DynamoDbTestCluster(TestCluster cluster, string serviceId, string serviceUrl)
    {
        Cluster = cluster;
        ServiceId = serviceId;
        ServiceUrl = serviceUrl;
    }

    /// <summary>The silos.</summary>
    public TestCluster Cluster { get; }

    /// <summary>The service id (prefix of grain state and reminder keys, membership partition).</summary>
    public string ServiceId { get; }

    /// <summary>The cluster id (membership partition).</summary>
    public string ClusterId => "chaos";

    /// <summary>dynalite's URL.</summary>
    public string ServiceUrl { get; }

    /// <summary>Starts <paramref name="silos"/> silos on dynalite and waits until their views agree.</summary>
    /// <param name="silos">How many silos.</param>
    /// <param name="serviceUrl">dynalite's URL.</param>
    /// <param name="keysDirectory">The data protection key directory every silo and the gateway share.</param>
    /// <returns>The running cluster.</returns>
    public static async Task<DynamoDbTestCluster> StartAsync(int silos, string serviceUrl, string keysDirectory)
    {
        var serviceId = $"chaos-{Guid.NewGuid():N}";
        var settings = new ConfigurationBuilder().Build();
        var cluster = await TestCluster.StartAsync(
            silos,
            silo => silo
                .AddGrains(SchedulerGrains.Assembly)
                .Configure(o =>
                {
                    o.ServiceId = serviceId;
                    o.ClusterId = "chaos";
                    o.CallTimeout = CallTimeout;
                    o.ReminderRefreshPeriod = TimeSpan.FromSeconds(10);
                })
                .UseDynamoDb(o =>
                {
                    o.ServiceUrl = serviceUrl;
                    o.TablePrefix = TablePrefix;
                    o.CreateTables = true;
                })
                .Services.AddKillSwitch(),
            services =>
            {
                services.AddSchedulerNotifications(settings);
                services.AddCalendarSources();
                services.AddGoogleCalendar(keysDirectory);
                services.AddMicrosoftCalendar(keysDirectory);
            },
            Membership);
        return new DynamoDbTestCluster(cluster, serviceId, serviceUrl);
    }

    /// <summary>Asserts that a silo resolves the DynamoDB providers, not the test cluster's in-memory shared ones.</summary>
    /// <param name="silo">The silo.</param>
    public static void AssertUsesDynamoDb(TestClusterSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        Assert.IsType<DynamoDbGrainStorage>(Assert.IsType<KillableGrainStorage>(silo.Services.GetRequiredKeyedService<IGrainStorage>(PersistentStateAttribute.DefaultStorageName)).Inner);
        Assert.IsType<DynamoDbReminderTable>(Assert.IsType<KillableReminderTable>(silo.Services.GetRequiredService<IReminderTable>()).Inner);
        Assert.IsType<DynamoDbMembershipTable>(silo.Services.GetRequiredService<IMembershipTable>());
    }

    /// <summary>Stops every running silo.</summary>
    /// <returns>A task that completes when they are stopped.</returns>
    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
