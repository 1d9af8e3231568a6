using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Sqlite;
using Scheduler.Runtime.Storage;

namespace Scheduler.Runtime.Hosting;

/// <summary>Configures the silo hosted by a process: its grains, storage providers, reminder table and options.</summary>
public sealed class SiloBuilder
{
    internal SiloBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Hosts the grain classes of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">An assembly with grain classes.</param>
    /// <returns>This builder.</returns>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Services.AddSingleton(new GrainAssembly(assembly));
        return this;
    }

    /// <summary>Configures <see cref="SiloOptions"/>.</summary>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>This builder.</returns>
    public SiloBuilder Configure(Action<SiloOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Binds <see cref="SiloOptions"/> to a configuration section (for example <c>Cluster</c>), and <see cref="MembershipOptions"/> to its subsection <c>Membership</c>.</summary>
    /// <param name="section">The section; missing keys keep their defaults.</param>
    /// <returns>This builder.</returns>
    public SiloBuilder BindOptions(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Services.Configure<SiloOptions>(section);
        Services.Configure<MembershipOptions>(section.GetSection("Membership"));
        return this;
    }

    /// <summary>Configures <see cref="MembershipOptions"/> (heartbeat and refresh periods, death threshold).</summary>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>This builder.</returns>
    public SiloBuilder ConfigureMembership(Action<MembershipOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Adds a grain storage provider in memory (tests only: nothing survives the process).</summary>
    /// <param name="name">The provider's name, as used in <see cref="PersistentStateAttribute"/>.</param>
    /// <returns>This builder.</returns>
    public SiloBuilder AddMemoryGrainStorage(string name = PersistentStateAttribute.DefaultStorageName)
    {
        Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new MemoryGrainStorage());
        return this;
    }

    /// <summary>Keeps reminders in memory (tests only: nothing survives the process).</summary>
    /// <returns>This builder.</returns>
    public SiloBuilder UseMemoryReminders()
    {
        Services.Replace(ServiceDescriptor.Singleton<IReminderTable, MemoryReminderTable>());
        return this;
    }

    /// <summary>
    /// Uses one SQLite database file (WAL, group commit) for the default grain storage provider
    /// and for reminders and membership: the embedded default.
    /// </summary>
    /// <param name="databasePath">The database file; its directory is created if missing.</param>
    /// <returns>This builder.</returns>
    public SiloBuilder UseSqlite(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        Services.TryAddSingleton(_ => new SqliteDatabase(databasePath));
        Services.AddKeyedSingleton<IGrainStorage>(PersistentStateAttribute.DefaultStorageName, (sp, _) => new SqliteGrainStorage(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId,
            sp.GetRequiredService<TimeProvider>()));
        Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new SqliteReminderTable(
            sp.GetRequiredService<SqliteDatabase>(),
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId)));
        Services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SiloOptions>>().Value;
            return new SqliteMembershipTable(sp.GetRequiredService<SqliteDatabase>(), options.ServiceId, options.ClusterId);
        }));
        Services.AddSingleton<IStorageHealthProbe>(sp => new SqliteHealthProbe(sp.GetRequiredService<SqliteDatabase>()));
        return this;
    }

    /// <summary>
    /// Routes calls by placement over the membership view: grains owned by another active silo are
    /// called on it over HTTP/2 (<see cref="Messaging.SiloCallEndpoint"/>, which the host must map
    /// with <c>MapSiloCalls</c> on an HTTP/2 endpoint at <see cref="SiloOptions.AdvertisedEndpoint"/>).
    /// When the view changes, activations of grains this silo no longer owns are deactivated.
    /// Without it every call runs on this silo.
    /// </summary>
    /// <returns>This builder.</returns>
    public SiloBuilder UseSiloTransport()
    {
        Services.TryAddSingleton(sp => new Messaging.RemoteSiloClient(
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.CallTimeout,
            sp.GetRequiredService<Messaging.GrainCallCodec>().Options));
        Services.TryAddSingleton<Messaging.RoutedCallSender>();
        Services.TryAddSingleton<Messaging.SiloCallHandler>();
        Services.Replace(ServiceDescriptor.Singleton<Messaging.IGrainCallInvoker, Messaging.ClusterGrainCallInvoker>());
        Services.AddHostedService<ActivationHandoverService>();
        return this;
    }

    /// <summary>Changes the JSON options used to serialize grain state (for example to add converters).</summary>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>This builder.</returns>
    public SiloBuilder ConfigureStateSerializer(Action<JsonSerializerOptions> configure)
    {
        Services.Configure<GrainStateSerializerOptions>(o => configure(o.JsonOptions));
        return this;
    }
}

/// <summary>Options of the grain state serializer.</summary>
public sealed class GrainStateSerializerOptions
{
    /// <summary>The JSON options: web defaults (camelCase) unless changed.</summary>
    public JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);
}
