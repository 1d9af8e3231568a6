using Scheduler.Grains.Batches;
using Scheduler.Grains.Calendars;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Notifications;

namespace Scheduler.Hosting;

/// <summary>The services the product's grains use, registered once for every host that runs them or calls their integrations.</summary>
public static class GrainServicesHostingExtensions
{
    /// <summary>
    /// Registers, from the host's configuration and validated at start-up: notifications (<c>Smtp</c>, <c>Slack</c>,
    /// <c>Notifications</c>), the <c>ics</c> and CalDAV busy sources (<c>Calendars</c>), the batch planner
    /// (<c>BatchPlanner</c>), and the Google (<c>Google</c>)
    /// and Microsoft 365 (<c>Microsoft</c>) calendar integrations, whose OAuth credentials are protected with keys kept
    /// in <paramref name="keysDirectory"/>.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="keysDirectory">The data protection key directory (full path) when keys are kept on disk.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHostApplicationBuilder AddSchedulerGrainServices(this IHostApplicationBuilder builder, string keysDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddSchedulerNotifications(configuration);
        builder.Services.AddCalendarSources(options => configuration.GetSection(CalendarSourceOptions.SectionName).Bind(options));
        builder.Services.AddBatchPlanner(options => configuration.GetSection(BatchPlannerOptions.SectionName).Bind(options));
        builder.Services.AddGoogleCalendar(keysDirectory, options => configuration.GetSection(GoogleOptions.SectionName).Bind(options));
        builder.Services.AddMicrosoftCalendar(keysDirectory, options => configuration.GetSection(MicrosoftOptions.SectionName).Bind(options));
        return builder;
    }
}
