using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>Registers the Microsoft 365 (Graph) calendar provider with a silo's services.</summary>
public static class MicrosoftServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>microsoft</c> <see cref="CalendarProvider"/> (<see cref="CalendarProviderServiceCollectionExtensions.AddCalendarProvider{TProvider, TOptions}"/>:
    /// options, busy source, the named <see cref="HttpClient"/> <see cref="MicrosoftHttp.HttpClientName"/>, account
    /// services) and its clients <see cref="MicrosoftGraphClient"/>, <see cref="MicrosoftOAuthClient"/> and <see cref="MailboxLimiter"/>.
    /// </summary>
    /// <param name="services">The silo's services; a <see cref="TimeProvider"/> is expected (the system clock is added when missing).</param>
    /// <param name="keysDirectory">Where the data protection keys live (created when missing); must be durable and shared by every silo of a cluster.</param>
    /// <param name="configure">Changes to <see cref="MicrosoftOptions"/>; may be <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddMicrosoftCalendar(this IServiceCollection services, string keysDirectory, Action<MicrosoftOptions>? configure = null)
    {
        services.AddCalendarProvider<MicrosoftProvider, MicrosoftOptions>(MicrosoftProvider.ProviderName, keysDirectory, configure);
        services.TryAddSingleton<MailboxLimiter>();
        services.TryAddSingleton<MicrosoftHttp>();
        services.TryAddSingleton<MicrosoftGraphClient>();
        services.TryAddSingleton<MicrosoftOAuthClient>();
        return services;
    }
}
