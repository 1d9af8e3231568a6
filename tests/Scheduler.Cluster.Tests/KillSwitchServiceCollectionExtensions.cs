using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime;
using Scheduler.Runtime.Reminders;
using Scheduler.Runtime.Storage;

namespace Scheduler.Cluster.Tests;

/// <summary>Puts a silo's registered default grain storage and reminder table behind a <see cref="SiloKillSwitch"/>.</summary>
public static class KillSwitchServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SiloKillSwitch"/> and wraps the last registered default grain storage
    /// (keyed <c>Default</c>) and reminder table, which must be registered with factories (as
    /// <c>UseDynamoDb</c> does), in <see cref="KillableGrainStorage"/> and <see cref="KillableReminderTable"/>.
    /// </summary>
    /// <param name="services">The silo's services, after the providers were registered.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">A provider is missing or not registered with a factory.</exception>
    public static IServiceCollection AddKillSwitch(this IServiceCollection services)
    {
        services.AddSingleton<SiloKillSwitch>();
        var key = PersistentStateAttribute.DefaultStorageName;
        var storage = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, key))?.KeyedImplementationFactory
            ?? throw new InvalidOperationException("No default grain storage registered with a factory.");
        services.AddKeyedSingleton<IGrainStorage>(key, (sp, k) => new KillableGrainStorage((IGrainStorage)storage(sp, k), sp.GetRequiredService<SiloKillSwitch>()));
        var reminders = services.LastOrDefault(d => d.ServiceType == typeof(IReminderTable) && !d.IsKeyedService)?.ImplementationFactory
            ?? throw new InvalidOperationException("No reminder table registered with a factory.");
        services.AddSingleton<IReminderTable>(sp => new KillableReminderTable((IReminderTable)reminders(sp), sp.GetRequiredService<SiloKillSwitch>()));
        return services;
    }
}
