using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains.Calendars.CalDav;
using Scheduler.Grains.Calendars.Ics;
using Scheduler.Grains.Calendars.Network;
using Scheduler.Grains.Common.Options;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Calendars;

/// <summary>Registers the calendar busy sources with a silo's services.</summary>
public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>ics</c> and <c>caldav</c> busy sources (as <see cref="IBusySource"/> singletons,
    /// which the participant grain picks up), their named <see cref="HttpClient"/>s, the <see cref="CalDavClient"/>, and
    /// the <see cref="CalendarNetworkGuard"/> their connections go through (also as <see cref="ICalendarHostCheck"/>,
    /// which the API checks saved profiles with).
    /// </summary>
    /// <param name="services">The silo's services; a <see cref="TimeProvider"/> is expected (the system clock is added when missing).</param>
    /// <param name="configure">Changes to <see cref="CalendarSourceOptions"/>; may be <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCalendarSources(this IServiceCollection services, Action<CalendarSourceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(CalendarSourceOptions.SectionName, configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CalendarNetworkGuard>();
        services.TryAddSingleton<ICalendarHostCheck>(sp => sp.GetRequiredService<CalendarNetworkGuard>());
        services.AddHttpClient(IcsFeedReader.HttpClientName).ThroughNetworkGuard().AddCalendarReadResilience();
        services.AddHttpClient(CalDavClient.HttpClientName).ThroughNetworkGuard().AddCalendarReadResilience();
        services.AddHttpClient(CalDavClient.WriteHttpClientName).ThroughNetworkGuard().AddCalendarWriteResilience();
        services.TryAddSingleton<IcsFeedReader>();
        services.TryAddSingleton<CalDavClient>();
        services.TryAddSingleton<IcsBusySource>();
        services.TryAddSingleton<CalDavBusySource>();
        services.AddSingleton<IBusySource>(sp => sp.GetRequiredService<IcsBusySource>());
        services.AddSingleton<IBusySource>(sp => sp.GetRequiredService<CalDavBusySource>());
        return services;
    }

    private static IHttpClientBuilder ThroughNetworkGuard(this IHttpClientBuilder client) =>
        client.ConfigurePrimaryHttpMessageHandler(services => services.GetRequiredService<CalendarNetworkGuard>().CreateHandler());
}
