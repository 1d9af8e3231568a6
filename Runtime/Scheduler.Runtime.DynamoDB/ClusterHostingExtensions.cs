using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Client;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>The one place where a host (silo or gateway) turns its configuration into a silo: providers, options, telemetry.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>
    /// Adds a silo configured from <paramref name="configuration"/>:
    /// <list type="bullet">
    /// <item><c>Cluster</c> binds <see cref="SiloOptions"/> (<c>ServiceId</c>, <c>ClusterId</c>, <c>SiloName</c>, timeouts) and
    /// <c>Cluster:Membership</c> binds <see cref="Membership.MembershipOptions"/>;</item>
    /// <item><c>Cluster:Provider</c> = <c>Sqlite</c> (default) stores everything in <paramref name="sqliteDatabasePath"/>;
    /// <c>DynamoDB</c> stores grain state, reminders and membership in DynamoDB with <see cref="DynamoDbOptions"/>
    /// bound from <c>Cluster:DynamoDB</c> (<c>ServiceUrl</c>, <c>Region</c>, <c>TablePrefix</c>, <c>CreateTables</c>, …),
    /// and keeps the ASP.NET Core Data Protection key ring there (<see cref="DynamoDbXmlRepository"/>) so every
    /// silo and gateway of the service can read what another encrypted;</item>
    /// <item>OTLP export of the runtime's traces and metrics when <c>Telemetry:OtlpEndpoint</c> or
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (<see cref="RuntimeTelemetryExtensions.AddRuntimeTelemetry"/>).</item>
    /// </list>
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="sqliteDatabasePath">The SQLite file used when the provider is <c>Sqlite</c>.</param>
    /// <param name="serviceName">The telemetry <c>service.name</c> when none is configured (for example <c>scheduler-silo</c>).</param>
    /// <param name="configure">Adds grains and anything else the host needs.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException"><c>Cluster:Provider</c> is neither <c>Sqlite</c> nor <c>DynamoDB</c>, or the telemetry settings are invalid.</exception>
    public static IServiceCollection AddClusterSilo(this IServiceCollection services, IConfiguration configuration, string sqliteDatabasePath, string serviceName, Action<SiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(sqliteDatabasePath);
        ArgumentNullException.ThrowIfNull(configure);
        var cluster = configuration.GetSection(ClusterProviderOptions.SectionName);
        var provider = ReadProvider(cluster);
        services.AddSilo(silo =>
        {
            silo.BindOptions(cluster);
            if (provider == ClusterStorageProvider.DynamoDB)
            {
                silo.UseDynamoDb(options => cluster.GetSection(ClusterProviderOptions.DynamoDbSectionName).Bind(options));
                DynamoDbKeyRingRegistration.Add(services);
            }
            else
            {
                silo.UseSqlite(sqliteDatabasePath);
            }

            configure(silo);
        });
        services.AddRuntimeTelemetry(configuration, serviceName);
        return services;
    }

    /// <summary>
    /// Adds a cluster client (a host that serves requests but runs no grains, such as a gateway in
    /// a cluster) configured from <paramref name="configuration"/> like the silos: <c>Cluster</c>
    /// binds the shared options (<c>ServiceId</c>, <c>ClusterId</c>, <c>CallTimeout</c>,
    /// <c>Membership:TableRefreshPeriod</c>), and <c>Cluster:Provider</c> chooses the membership
    /// table the client reads: the SQLite file <paramref name="sqliteDatabasePath"/> the silos of one
    /// machine share, or DynamoDB (<c>Cluster:DynamoDB</c>, where the client also shares the silos'
    /// Data Protection key ring). Telemetry as in <see cref="AddClusterSilo"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="sqliteDatabasePath">The silos' SQLite file when the provider is <c>Sqlite</c>.</param>
    /// <param name="serviceName">The telemetry <c>service.name</c> when none is configured.</param>
    /// <param name="configure">Adds the grain assembly.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException"><c>Cluster:Provider</c> is neither <c>Sqlite</c> nor <c>DynamoDB</c>, or the telemetry settings are invalid.</exception>
    public static IServiceCollection AddClusterClient(this IServiceCollection services, IConfiguration configuration, string sqliteDatabasePath, string serviceName, Action<ClusterClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(sqliteDatabasePath);
        ArgumentNullException.ThrowIfNull(configure);
        var cluster = configuration.GetSection(ClusterProviderOptions.SectionName);
        var provider = ReadProvider(cluster);
        services.AddClusterClient(client =>
        {
            client.BindOptions(cluster);
            if (provider == ClusterStorageProvider.DynamoDB)
            {
                client.UseDynamoDbMembership(options => cluster.GetSection(ClusterProviderOptions.DynamoDbSectionName).Bind(options));
                DynamoDbKeyRingRegistration.Add(services);
            }
            else
            {
                client.UseSqliteMembership(sqliteDatabasePath);
            }

            configure(client);
        });
        services.AddRuntimeTelemetry(configuration, serviceName);
        return services;
    }

    private static ClusterStorageProvider ReadProvider(IConfigurationSection cluster)
    {
        var value = cluster[nameof(ClusterProviderOptions.Provider)];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ClusterProviderOptions().Provider;
        }

        return Enum.TryParse<ClusterStorageProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"Cluster:Provider must be '{ClusterStorageProvider.Sqlite}' or '{ClusterStorageProvider.DynamoDB}', not '{value}'.");
    }
}
