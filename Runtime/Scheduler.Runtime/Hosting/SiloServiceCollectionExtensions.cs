using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Catalog;
using Scheduler.Runtime.Diagnostics;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Membership;
using Scheduler.Runtime.Messaging;
using Scheduler.Runtime.Placement;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a silo in a host.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo to the host: the grain catalog, grain factory (<see cref="Scheduler.Runtime.IGrainFactory"/>),
    /// reminder service, membership (an in-memory table unless a provider registers a durable one;
    /// the view as <see cref="IClusterMembershipView"/>; <see cref="Scheduler.Runtime.Placement.GrainPlacement"/>)
    /// and the <see cref="SiloHost"/> hosted service (the host's shutdown timeout is raised to at least
    /// <see cref="SiloOptions.ShutdownTimeout"/> plus <see cref="SiloHost.LeaveMargin"/>). Time comes from the
    /// registered <see cref="TimeProvider"/> (the system clock unless one is registered).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Configures grains, storage, reminders and options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SiloOptions>();
        services.AddOptions<GrainStateSerializerOptions>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        services.TryAddSingleton<IMembershipTable>(sp => new MemoryMembershipTable(sp.GetRequiredService<IOptions<SiloOptions>>().Value.ClusterId));
        services.TryAddSingleton<RuntimeInstrumentation>();
        services.TryAddSingleton(sp => new GrainStateSerializer(sp.GetRequiredService<IOptions<GrainStateSerializerOptions>>().Value.JsonOptions));
        services.TryAddSingleton(sp => new GrainTypeRegistry(sp.GetServices<GrainAssembly>()));
        services.TryAddSingleton<GrainActivator>();
        services.TryAddSingleton<GrainCatalog>();
        services.TryAddSingleton(sp => new CallTimeoutTracker(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SiloOptions>>().Value.CallTimeout));
        services.TryAddSingleton<LocalGrainCallInvoker>();
        services.TryAddSingleton<IGrainCallInvoker>(sp => sp.GetRequiredService<LocalGrainCallInvoker>());
        services.TryAddSingleton<Scheduler.Runtime.IGrainFactory, GrainFactory>();
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton<IPlacementDirector, RendezvousPlacementDirector>();
        services.TryAddSingleton(sp => new GrainCallCodec(sp.GetRequiredService<GrainTypeRegistry>(), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        services.AddOptions<MembershipOptions>();
        services.TryAddSingleton<LocalSilo>();
        services.TryAddSingleton<MembershipAgent>();
        services.TryAddSingleton<IClusterMembershipView>(sp => sp.GetRequiredService<MembershipAgent>());
        services.TryAddSingleton<GrainPlacement>();
        services.TryAddSingleton(sp => new SiloHost(
            sp.GetRequiredService<GrainCatalog>(),
            sp.GetRequiredService<ReminderService>(),
            sp.GetRequiredService<CallTimeoutTracker>(),
            sp.GetRequiredService<MembershipAgent>(),
            sp.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(),
            sp.GetRequiredService<IOptions<SiloOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SiloHost>>()));
        services.AddHostedService(sp => sp.GetRequiredService<SiloHost>());
        // The host cancels stopping after HostOptions.ShutdownTimeout (30 s by default) for all of its
        // services together; give the silo its own deactivation budget plus time to leave membership.
        services.AddOptions<Microsoft.Extensions.Hosting.HostOptions>().Configure<IOptions<SiloOptions>>((host, silo) =>
        {
            var needed = silo.Value.ShutdownTimeout + SiloHost.LeaveMargin;
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        configure(new SiloBuilder(services));
        return services;
    }
}
