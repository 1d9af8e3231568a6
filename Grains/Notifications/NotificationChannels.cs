using Microsoft.Extensions.Configuration;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Grains.Notifications.Slack;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// Which notification channels a host has configured; registered by
/// <see cref="NotificationServiceCollectionExtensions.AddSchedulerNotifications"/>. Its presence tells the request
/// grain to notify at all; a channel that is not configured is recorded as skipped instead of being tried.
/// </summary>
/// <param name="emailConfigured">Whether an SMTP host or a pickup directory is configured.</param>
/// <param name="slackConfigured">Whether a Slack bot token is configured.</param>
public sealed class NotificationChannels(bool emailConfigured, bool slackConfigured)
{
    /// <summary>The skip reason recorded for email when neither <c>Smtp:Host</c> nor <c>Smtp:PickupDirectory</c> is configured.</summary>
    public const string EmailNotConfigured = "email not configured";

    /// <summary>The skip reason recorded for Slack when no <c>Slack:BotToken</c> is configured.</summary>
    public const string SlackNotConfigured = "slack not configured";

    /// <summary>Whether email can be sent (<c>Smtp:Host</c> or <c>Smtp:PickupDirectory</c> is set).</summary>
    public bool EmailConfigured { get; } = emailConfigured;

    /// <summary>Whether Slack messages can be posted (<c>Slack:BotToken</c> is set).</summary>
    public bool SlackConfigured { get; } = slackConfigured;

    /// <summary>Reads the channels from configuration.</summary>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The channels.</returns>
    public static NotificationChannels From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new NotificationChannels(
            !string.IsNullOrWhiteSpace(configuration[SmtpOptions.SectionName + ":Host"])
                || !string.IsNullOrWhiteSpace(configuration[SmtpOptions.SectionName + ":" + nameof(SmtpOptions.PickupDirectory)]),
            !string.IsNullOrWhiteSpace(configuration[SlackOptions.SectionName + ":BotToken"]));
    }

    /// <summary>Why a channel is skipped, or <see langword="null"/> when it is configured.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The skip reason or <see langword="null"/>.</returns>
    public string? SkipReason(NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email when !EmailConfigured => EmailNotConfigured,
        NotificationChannel.Slack when !SlackConfigured => SlackNotConfigured,
        _ => null,
    };
}
