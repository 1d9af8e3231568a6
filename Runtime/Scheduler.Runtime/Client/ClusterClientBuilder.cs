using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Sqlite;

namespace Scheduler.Runtime.Client;

/// <summary>Configures a cluster client: which grain interfaces it calls, its options, and the membership table it reads.</summary>
public sealed class ClusterClientBuilder
{
    internal ClusterClientBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Makes the grains of <paramref name="assembly"/> callable: the client maps grain interfaces
    /// to grain types with it (the same map the silos build), and never activates them.
    /// </summary>
    /// <param name="assembly">An assembly with grain classes.</param>
    /// <returns>This builder.</returns>
    public ClusterClientBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Services.AddSingleton(new GrainAssembly(assembly));
        return this;
    }

    /// <summary>Configures the options the client shares with the silos (<see cref="SiloOptions.ServiceId"/>, <see cref="SiloOptions.ClusterId"/>, <see cref="SiloOptions.CallTimeout"/>); the silo-only options are ignored.</summary>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>This builder.</returns>
    public ClusterClientBuilder Configure(Action<SiloOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Configures <see cref="MembershipOptions"/>; a client uses only <see cref="MembershipOptions.TableRefreshPeriod"/>.</summary>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>This builder.</returns>
    public ClusterClientBuilder ConfigureMembership(Action<MembershipOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Binds <see cref="SiloOptions"/> to a configuration section (the hosts' <c>Cluster</c>) and <see cref="MembershipOptions"/> to its subsection <c>Membership</c>, as the silos do.</summary>
    /// <param name="section">The section; missing keys keep their defaults.</param>
    /// <returns>This builder.</returns>
    public ClusterClientBuilder BindOptions(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Services.Configure<SiloOptions>(section);
        Services.Configure<MembershipOptions>(section.GetSection("Membership"));
        return this;
    }

    /// <summary>Reads membership from the SQLite file the silos of one machine share (the embedded provider).</summary>
    /// <param name="databasePath">The silos' database file.</param>
    /// <returns>This builder.</returns>
    public ClusterClientBuilder UseSqliteMembership(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        Services.TryAddSingleton(_ => new SqliteDatabase(databasePath));
        Services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SiloOptions>>().Value;
            return new SqliteMembershipTable(sp.GetRequiredService<SqliteDatabase>(), options.ServiceId, options.ClusterId);
        }));
        return this;
    }
}
