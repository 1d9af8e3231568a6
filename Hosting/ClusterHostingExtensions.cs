using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Dashboard;
using Scheduler.Grains.Hosting;
using Scheduler.Providers.DynamoDB.Clustering;
using Scheduler.Providers.DynamoDB.DataProtection;
using Scheduler.Providers.DynamoDB.Reminders;
using Scheduler.Providers.DynamoDB.Storage;
using Scheduler.Providers.Sqlite;

namespace Scheduler.Hosting;

/// <summary>Makes a process a silo or a cluster client of the Scheduler cluster, as the <c>Cluster</c> section says (<see cref="ClusterSettings"/>).</summary>
public static class ClusterHostingExtensions
{
    /// <summary>Delay between attempts of a cluster client to reach a gateway at start-up (it keeps trying until stopped).</summary>
    public static readonly TimeSpan ClientConnectRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Hosts an Orleans silo running the product's grains. With <see cref="ClusterProvider.Sqlite"/> (the default) it is
    /// one silo on loopback (localhost clustering) with grain state and reminders in the SQLite file
    /// <paramref name="databasePath"/>; with <see cref="ClusterProvider.DynamoDB"/> membership, grain state, reminders
    /// and the data-protection key ring are in DynamoDB (<c>Cluster:DynamoDB</c>), grains are located through Orleans'
    /// strongly consistent grain directory (no duplicate activations while membership changes), and the silo listens on all
    /// addresses, advertising <see cref="ClusterSettings.AdvertisedIPAddress"/>. The host gets
    /// <see cref="ClusterSettings.ShutdownTimeout"/> to stop, so the silo leaves the cluster gracefully. Runs the Orleans
    /// Dashboard's grains (its counters and grain-call profiler), which a gateway serves at <c>/dashboard</c>. Grain types
    /// without a placement attribute are placed by <see cref="ClusterSettings.DefaultPlacement"/>. Adds the <c>ready</c> health check
    /// <see cref="SiloHealthCheck"/>; telemetry and the health endpoints are the host's (<see cref="ServiceDefaultsExtensions"/>).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="databasePath">The SQLite file of the embedded store (used with <see cref="ClusterProvider.Sqlite"/>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The <c>Cluster</c> section is invalid; the message names the key.</exception>
    public static IHostApplicationBuilder AddSchedulerSilo(this IHostApplicationBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        var settings = ClusterSettingsReader.Read(builder.Configuration);
        var section = builder.Configuration.GetSection(ClusterSettings.SectionName);
        builder.UseOrleans(silo =>
        {
            ConfigureClusterIds(silo.Services, settings);
            silo.Configure<ClusterMembershipOptions>(section.GetSection("Membership"));
            silo.Configure<SiloMessagingOptions>(section.GetSection("Messaging"));
            silo.Configure<GrainCollectionOptions>(section.GetSection("Collection"));
            silo.AddSchedulerGrains();
            silo.AddActivityPropagation();
            silo.AddDashboard();
            if (DefaultPlacement(settings.DefaultPlacement) is { } placement)
            {
                silo.Services.AddSingleton(placement); // replaces Orleans' default, ResourceOptimized
            }
            if (settings.Provider == ClusterProvider.Sqlite)
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
                silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = databasePath);
                silo.UseSqliteReminderService(o => o.DatabasePath = databasePath);
            }
            else
            {
                var dynamo = section.GetSection("DynamoDB");
                if (settings.AdvertisedIPAddress is { } address)
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(address), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
                }

                silo.UseDynamoDBClustering(o => dynamo.Bind(o));

                // Orleans' strongly consistent directory: no grain has two activations while membership changes (the
                // default directory allows them for a while after a silo dies, and a stale one keeps answering reads).
#pragma warning disable ORLEANSEXP003 // experimental in Orleans 10
                silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
                silo.AddDynamoDBGrainStorageAsDefault(o => dynamo.Bind(o));
                silo.UseDynamoDBReminderService(o => dynamo.Bind(o));
                silo.Services.AddDataProtection().PersistKeysToDynamoDB(o => dynamo.Bind(o));
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        return builder;
    }

    private static void ConfigureClusterIds(IServiceCollection services, ClusterSettings settings) =>
        services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = settings.ServiceId;
            o.ClusterId = settings.ClusterId;
        });

    private static PlacementStrategy? DefaultPlacement(ClusterPlacement placement) => placement switch
    {
        ClusterPlacement.Random => new RandomPlacement(),
        ClusterPlacement.PreferLocal => new PreferLocalPlacement(),
        ClusterPlacement.ActivationCountBased => new ActivationCountBasedPlacement(),
        _ => null,
    };

    /// <summary>
    /// Makes the process an Orleans client of the cluster (it hosts no grains): with <see cref="ClusterProvider.DynamoDB"/>
    /// it finds the silos' gateways in the DynamoDB membership table and shares the DynamoDB key ring; with
    /// <see cref="ClusterProvider.Sqlite"/> it connects to a silo's gateway on loopback
    /// (<see cref="ClusterSettings.GatewayPort"/>). It keeps trying to connect at start-up every
    /// <see cref="ClientConnectRetryDelay"/> until a gateway answers. Reads the Orleans Dashboard's data from the silos
    /// (for <c>/dashboard</c>). Adds the <c>ready</c> health check
    /// <see cref="ClusterClientHealthCheck"/>; telemetry and the health endpoints are the host's (<see cref="ServiceDefaultsExtensions"/>).
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The <c>Cluster</c> section is invalid; the message names the key.</exception>
    public static IHostApplicationBuilder AddSchedulerClusterClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = ClusterSettingsReader.Read(builder.Configuration);
        var section = builder.Configuration.GetSection(ClusterSettings.SectionName);
        builder.UseOrleansClient(client =>
        {
            ConfigureClusterIds(client.Services, settings);
            client.Configure<ClientMessagingOptions>(section.GetSection("Messaging"));
            client.AddActivityPropagation();
            client.AddDashboard();
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(ClientConnectRetryDelay, cancellationToken);
                return true;
            });
            if (settings.Provider == ClusterProvider.Sqlite)
            {
                client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
            }
            else
            {
                var dynamo = section.GetSection("DynamoDB");
                client.UseDynamoDBClustering(o => dynamo.Bind(o));
                client.Services.AddDataProtection().PersistKeysToDynamoDB(o => dynamo.Bind(o));
            }
        });
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: ["ready"]);
        return builder;
    }
}
