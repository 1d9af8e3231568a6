using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>Registers the Google Calendar provider with a silo's services.</summary>
public static class GoogleServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>google</c> <see cref="CalendarProvider"/> (<see cref="CalendarProviderServiceCollectionExtensions.AddCalendarProvider{TProvider, TOptions}"/>:
    /// options, busy source, the named <see cref="HttpClient"/> <see cref="GoogleHttp.HttpClientName"/> with 403 quota
    /// errors retried, account services) and its clients <see cref="GoogleCalendarClient"/> and <see cref="GoogleOAuthClient"/>.
    /// </summary>
    /// <param name="services">The silo's services; a <see cref="TimeProvider"/> is expected (the system clock is added when missing).</param>
    /// <param name="keysDirectory">Where the data protection keys live (created when missing); must be durable and shared by every silo of a cluster.</param>
    /// <param name="configure">Changes to <see cref="GoogleOptions"/>; may be <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddGoogleCalendar(this IServiceCollection services, string keysDirectory, Action<GoogleOptions>? configure = null)
    {
        services.AddCalendarProvider<GoogleProvider, GoogleOptions>(GoogleProvider.ProviderName, keysDirectory, configure, GoogleHttp.IsQuotaErrorAsync);
        services.TryAddSingleton<GoogleHttp>();
        services.TryAddSingleton<GoogleCalendarClient>();
        services.TryAddSingleton<GoogleOAuthClient>();
        return services;
    }
}
