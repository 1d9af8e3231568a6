using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common.Http;
using Scheduler.Grains.Common.Options;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>Registers the Microsoft 365 (Graph) calendar connector with a silo's services.</summary>
public static class MicrosoftServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>microsoft</c> busy source and connector (<see cref="MicrosoftGraphClient"/>,
    /// <see cref="MicrosoftOAuthClient"/>, <see cref="MailboxLimiter"/>,
    /// the named <see cref="HttpClient"/> <see cref="MicrosoftHttp.HttpClientName"/>), and the calendar
    /// account services (<see cref="CalendarAccountServiceCollectionExtensions.AddCalendarAccounts"/>).
    /// </summary>
    /// <param name="services">The silo's services; a <see cref="TimeProvider"/> is expected (the system clock is added when missing).</param>
    /// <param name="keysDirectory">Where the data protection keys live (created when missing); must be durable and shared by every silo of a cluster.</param>
    /// <param name="configure">Changes to <see cref="MicrosoftOptions"/>; may be <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddMicrosoftCalendar(this IServiceCollection services, string keysDirectory, Action<MicrosoftOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(keysDirectory);
        var optionsBuilder = services.AddValidatedOptions<MicrosoftOptions>(MicrosoftOptions.SectionName);
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.AddCalendarAccounts(keysDirectory);
        services.AddHttpClient(MicrosoftHttp.HttpClientName)
            .AddRetryResilience("microsoft", sp => sp.GetRequiredService<IOptions<MicrosoftOptions>>().Value.RetrySettings, breakCircuit: true);
        services.TryAddSingleton<MailboxLimiter>();
        services.TryAddSingleton<MicrosoftHttp>();
        services.TryAddSingleton<MicrosoftGraphClient>();
        services.TryAddSingleton<MicrosoftOAuthClient>();
        services.TryAddSingleton<MicrosoftConnector>();
        services.TryAddSingleton<MicrosoftBusySource>();
        services.AddSingleton<ICalendarConnector>(sp => sp.GetRequiredService<MicrosoftConnector>());
        services.AddSingleton<IBusySource>(sp => sp.GetRequiredService<MicrosoftBusySource>());
        return services;
    }
}
