using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains.Common.Http;
using Scheduler.Grains.Common.Options;
using Scheduler.Grains.Links;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Grains.Notifications.FollowUps;
using Scheduler.Grains.Notifications.Outbox;
using Scheduler.Grains.Notifications.Slack;

namespace Scheduler.Grains.Notifications;

/// <summary>Registers the notification channels the outbox grain needs.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Binds, and validates at start-up, <see cref="SmtpOptions"/> (<c>Smtp:</c>), <see cref="SlackOptions"/> (<c>Slack:</c>) and
    /// <see cref="OutboxOptions"/> (<c>Notifications:Outbox</c>), <see cref="FollowUpOptions"/> (<c>Notifications:FollowUp</c>) and
    /// <see cref="ActionLinkOptions"/> (<c>Links:</c>), and registers <see cref="ActionLinks"/> (over Data Protection), <see cref="SmtpEmailSender"/>,
    /// <see cref="SlackClient"/> (typed HTTP client, with <see cref="HttpRetryResilience"/> and <see cref="SlackRateGateHandler"/>). Existing registrations
    /// of <see cref="IEmailSender"/> are kept. Registers <see cref="NotificationChannels"/> from the configuration:
    /// without <c>Smtp:Host</c> email entries are recorded as skipped ("email not configured"), without
    /// <c>Slack:BotToken</c> Slack entries likewise, so a host without mail or Slack still runs every request.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddSchedulerNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<SmtpOptions>(configuration, SmtpOptions.SectionName);
        services.AddValidatedOptions<SlackOptions>(configuration, SlackOptions.SectionName);
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.SectionName);
        services.AddValidatedOptions<FollowUpOptions>(configuration, FollowUpOptions.SectionName);
        services.AddValidatedOptions<ActionLinkOptions>(configuration, ActionLinkOptions.SectionName);
        services.AddDataProtection();
        services.TryAddSingleton<ActionLinks>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        services.TryAddSingleton(NotificationChannels.From(configuration));
        services.TryAddSingleton<SlackRateGate>();
        services.TryAddTransient<SlackRateGateHandler>();
        // The gate is outermost: waiting for a channel's turn is no attempt, so it counts toward no timeout or circuit.
        services.AddHttpClient<ISlackClient, SlackClient>()
            .AddHttpMessageHandler<SlackRateGateHandler>()
            .AddRetryResilience(
                "slack",
                sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.RetrySettings,
                SlackClient.IsTransientAnswerAsync,
                breakCircuit: true);
        return services;
    }
}
