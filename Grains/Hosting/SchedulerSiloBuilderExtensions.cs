using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Hosting;

/// <summary>What every silo that runs the product's grains configures, whatever its storage and clustering.</summary>
public static class SchedulerSiloBuilderExtensions
{
    /// <summary>
    /// Configures the silo for the product's grains: grain state is written with Orleans' binary, version-tolerant
    /// serializer (<see cref="OrleansGrainStorageSerializer"/>, driven by the <c>[Id]</c>s of the state types, so a
    /// field added later reads as its default from state written before), the grains' clock is the system
    /// <see cref="TimeProvider"/> unless one is registered already (tests register a fake one), and participants read
    /// their calendars through one <see cref="CalendarFetcher"/> per silo.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddSchedulerGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton(services => new CalendarFetcher(
            services.GetRequiredService<IOptions<CalendarSourceOptions>>(),
            services.GetKeyedService<TimeProvider>(CalendarFetcher.DeadlineClockKey) ?? services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<CalendarFetcher>>(),
            services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? default));
        return silo;
    }
}
