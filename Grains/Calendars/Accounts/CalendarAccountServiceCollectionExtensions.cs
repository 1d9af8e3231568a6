using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>Registers what every calendar account provider needs, once, however many providers a silo adds.</summary>
public static class CalendarAccountServiceCollectionExtensions
{
    /// <summary>
    /// Adds the clock (the system clock when none is registered) and <see cref="CalendarCredentialProtector"/> over ASP.NET Core Data Protection with its keys persisted
    /// in <paramref name="keysDirectory"/>. Calling it again (from a second provider) changes nothing.
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="keysDirectory">Where the data protection keys live (created when missing); must be durable and shared by every silo of a cluster.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="keysDirectory"/> is empty.</exception>
    public static IServiceCollection AddCalendarAccounts(this IServiceCollection services, string keysDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(keysDirectory);
        services.TryAddSingleton(TimeProvider.System);
        if (services.Any(d => d.ServiceType == typeof(CalendarCredentialProtector)))
        {
            return services;
        }

        services.AddDataProtection()
            .SetApplicationName("Scheduler")
            .PersistKeysToFileSystem(Directory.CreateDirectory(keysDirectory));
        services.AddSingleton<CalendarCredentialProtector>();
        return services;
    }
}
