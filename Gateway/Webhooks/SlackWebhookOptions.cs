using System.ComponentModel.DataAnnotations;

namespace Scheduler.Gateway.Webhooks;

/// <summary>
/// What <c>/webhooks/slack</c> needs to verify Slack's requests, bound to the <c>Slack:</c> configuration section (the
/// section the grains' Slack client reads its own settings from).
/// </summary>
public sealed class SlackWebhookOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Slack";

    /// <summary>The app's signing secret for request verification (Slack "Verifying requests from Slack"); without it the route answers 404.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>How old a signed request may be, in seconds (1–3600); Slack recommends refusing older than 5 minutes.</summary>
    [Range(1, 3600)]
    public int SignatureMaxAgeSeconds { get; set; } = 300;
}
