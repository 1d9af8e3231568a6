using System.ComponentModel.DataAnnotations;

namespace Scheduler.Grains.Links;

/// <summary>Where action links point, bound to the <c>Links:</c> configuration section.</summary>
public sealed class ActionLinkOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Links";

    /// <summary>
    /// The web app's public address as people's browsers reach it, e.g. <c>https://scheduler.example.com/</c>; links are
    /// <c>{BaseUrl}act/{token}</c>. When absent, emails carry no action links (a candidate's choice then comes through the
    /// API or Slack). The embedded gateway sets it to its own address when it is not configured.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long a proposal's link stays valid, in days (1–60); it stops working sooner when the proposal is replaced.</summary>
    [Range(1, 60)]
    public int ProposalLinkDays { get; set; } = 14;
}
