using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common.Http;
using Scheduler.Grains.Common.Options;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>Registers a calendar provider with a silo's (or gateway's) services.</summary>
public static class CalendarProviderServiceCollectionExtensions
{
    /// <summary>
    /// Adds a provider: its options (validated at start-up, section <see cref="CalendarProviderOptions.Section"/>), its
    /// named <see cref="HttpClient"/> (the provider name, with the retrying handler <see cref="HttpRetryResilience"/> and
    /// a circuit breaker), <typeparamref name="TProvider"/> as a <see cref="CalendarProvider"/> and as the
    /// <see cref="ICalendarProviderEndpoints"/> the gateway maps its routes for, its
    /// <see cref="ProviderBusySource"/>, and the calendar account services
    /// (<see cref="CalendarAccountServiceCollectionExtensions.AddCalendarAccounts"/>). The provider's own clients are
    /// registered by the caller.
    /// </summary>
    /// <typeparam name="TProvider">The provider.</typeparam>
    /// <typeparam name="TOptions">Its options.</typeparam>
    /// <param name="services">The services; a <see cref="TimeProvider"/> is expected (the system clock is added when missing).</param>
    /// <param name="provider">The provider name (<c>google</c>, <c>microsoft</c>), also the name of its <see cref="HttpClient"/>.</param>
    /// <param name="keysDirectory">Where the data protection keys live (created when missing); must be durable and shared by every silo of a cluster.</param>
    /// <param name="configure">Changes to the options; may be <see langword="null"/>.</param>
    /// <param name="isTransient">Which answers besides 408, 429 and 5xx are retried (Google's 403 quota errors); may be <see langword="null"/>.</param>
    /// <returns>The builder of the provider's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddCalendarProvider<TProvider, TOptions>(
        this IServiceCollection services,
        string provider,
        string keysDirectory,
        Action<TOptions>? configure,
        Func<HttpResponseMessage, CancellationToken, ValueTask<bool>>? isTransient = null)
        where TProvider : CalendarProvider
        where TOptions : CalendarProviderOptions, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(keysDirectory);
        services.AddValidatedOptions(new TOptions().Section, configure);
        services.AddCalendarAccounts(keysDirectory);
        services.TryAddSingleton<TProvider>();
        services.AddSingleton<CalendarProvider>(sp => sp.GetRequiredService<TProvider>());
        services.AddSingleton<ICalendarProviderEndpoints>(sp => sp.GetRequiredService<TProvider>());
        services.AddSingleton<IBusySource>(sp => ActivatorUtilities.CreateInstance<ProviderBusySource>(sp, sp.GetRequiredService<TProvider>()));
        return services.AddHttpClient(provider)
            .AddRetryResilience(provider, sp => sp.GetRequiredService<IOptions<TOptions>>().Value.RetrySettings, isTransient, breakCircuit: true);
    }
}
