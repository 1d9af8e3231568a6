using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common.Http;
using Scheduler.Grains.Common.Options;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>Registers the Google Calendar connector with a silo's services.</summary>
public static class GoogleServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>google</c> busy source and connector (<see cref="GoogleCalendarClient"/>,
    /// <see cref="GoogleOAuthClient"/>, the named <see cref="HttpClient"/> <see cref="GoogleHttp.HttpClientName"/>),
    /// and the calendar account services (<see cref="CalendarAccountServiceCollectionExtensions.AddCalendarAccounts"/>).
    /// </summary>
    /// <param name="services">The silo's services; a <see cref="TimeProvider"/> is expected (the system clock is added when missing).</param>
    /// <param name="keysDirectory">Where the data protection keys live (created when missing); must be durable and shared by every silo of a cluster.</param>
    /// <param name="configure">Changes to <see cref="GoogleOptions"/>; may be <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddGoogleCalendar(this IServiceCollection services, string keysDirectory, Action<GoogleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(keysDirectory);
        var optionsBuilder = services.AddValidatedOptions<GoogleOptions>(GoogleOptions.SectionName);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddCalendarAccounts(keysDirectory);
        services.AddHttpClient(GoogleHttp.HttpClientName)
            .AddRetryResilience("google", sp => sp.GetRequiredService<IOptions<GoogleOptions>>().Value.RetrySettings, GoogleHttp.IsQuotaErrorAsync, breakCircuit: true);
        services.TryAddSingleton<GoogleHttp>();
        services.TryAddSingleton<GoogleCalendarClient>();
        services.TryAddSingleton<GoogleOAuthClient>();
        services.TryAddSingleton<GoogleConnector>();
        services.TryAddSingleton<GoogleBusySource>();
        services.AddSingleton<ICalendarConnector>(sp => sp.GetRequiredService<GoogleConnector>());
        services.AddSingleton<IBusySource>(sp => sp.GetRequiredService<GoogleBusySource>());
        return services;
    }
}
