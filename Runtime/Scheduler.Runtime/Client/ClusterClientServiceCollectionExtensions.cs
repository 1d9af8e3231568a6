using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Client;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Placement;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a cluster client in a host (a gateway that serves the API but hosts no grains).</summary>
public static class ClusterClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds a cluster client: an <see cref="Scheduler.Runtime.IGrainFactory"/> whose calls all go
    /// over HTTP/2 to the silo that owns the grain (rendezvous placement over the active silos of
    /// the membership table, read by <see cref="ClusterClientMembershipView"/>, a hosted service).
    /// The client writes no membership row, so it is never a placement target, and any number of
    /// clients can serve at once. Calls that were not delivered (a silo lost, none active yet) are
    /// resent until <see cref="SiloOptions.CallTimeout"/>. Add <see cref="ClusterClientHealthCheck"/>
    /// to the host's readiness checks.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Adds the grain assembly and the membership table (for example <c>UseDynamoDbMembership</c> or <see cref="ClusterClientBuilder.UseSqliteMembership"/>).</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">When the client first resolves its table: no membership table was configured.</exception>
    public static IServiceCollection AddClusterClient(this IServiceCollection services, Action<ClusterClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SiloOptions>();
        services.AddOptions<MembershipOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMembershipTable>(_ => throw new InvalidOperationException("The cluster client has no membership table: configure one (UseDynamoDbMembership, UseSqliteMembership)."));
        services.TryAddSingleton(sp => new GrainTypeRegistry(sp.GetServices<GrainAssembly>()));
        services.TryAddSingleton(sp => new GrainCallCodec(sp.GetRequiredService<GrainTypeRegistry>(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        services.TryAddSingleton(sp => new RemoteSiloClient(
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.CallTimeout,
            sp.GetRequiredService<GrainCallCodec>().Options));
        services.TryAddSingleton<RoutedCallSender>();
        services.TryAddSingleton<IPlacementDirector, RendezvousPlacementDirector>();
        services.TryAddSingleton<ClusterClientMembershipView>();
        services.TryAddSingleton<IClusterMembershipView>(sp => sp.GetRequiredService<ClusterClientMembershipView>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterClientMembershipView>());
        services.TryAddSingleton<IGrainCallInvoker, ClusterClientCallInvoker>();
        services.TryAddSingleton<Scheduler.Runtime.IGrainFactory, GrainFactory>();
        configure(new ClusterClientBuilder(services));
        return services;
    }
}
