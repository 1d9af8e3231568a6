using System.ComponentModel.DataAnnotations;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Notifications.Slack;

/// <summary>The Slack client's settings, bound to the <c>Slack:</c> configuration section (the gateway reads the signing secret from the same section).</summary>
public sealed class SlackOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Slack";

    /// <summary>The Web API base URL, ending in <c>/</c>; tests point it at a local stand-in.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>The bot token (<c>xoxb-…</c>) sent as <c>Authorization: Bearer</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>Minimum spacing of messages to one channel, in milliseconds (0–60000); Slack allows about one per second.</summary>
    [Range(0, 60000)]
    public int ChannelIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Retries after the first attempt for 429, 5xx and network failures (0–10).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry delay in milliseconds (1–60000; exponential with jitter after it) when Slack sends no <c>Retry-After</c>.</summary>
    [Range(1, 60000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>The retry settings of the client's handler: <see cref="MaxRetries"/>, <see cref="RetryBaseDelayMilliseconds"/>, <see cref="SlackClient.MaxRetryDelay"/> and <see cref="SlackClient.AttemptTimeout"/>.</summary>
    public HttpRetrySettings RetrySettings => new(MaxRetries, TimeSpan.FromMilliseconds(RetryBaseDelayMilliseconds), SlackClient.MaxRetryDelay, SlackClient.AttemptTimeout);
}
