using System.ComponentModel.DataAnnotations;

namespace Scheduler.Grains.Links;

/// <summary>Where action links point, bound to the <c>Links:</c> configuration section.</summary>
public sealed class ActionLinkOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Links";

    /// <summary>
    /// The web app's public address as people's browsers reach it, e.g. <c>https://scheduler.example.com/</c>; links are
    /// <c>{BaseUrl}act/{token}</c>. Absolute, <c>https</c> (plain <c>http</c> only for a loopback host, since a link is
    /// a credential). When absent, emails carry no action links (a candidate's choice then comes through the API or
    /// Slack). The embedded gateway listening on a loopback address sets it to that address when it is not configured.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long a proposal's link stays valid, in days (1–60); it stops working sooner when the proposal is replaced.</summary>
    [Range(1, 60)]
    public int ProposalLinkDays { get; set; } = 14;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is null)
        {
            yield break;
        }

        if (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("Must be an absolute https address, e.g. https://scheduler.example.com/.", [nameof(BaseUrl)]);
        }
        else if (BaseUrl.Scheme == "http" && !BaseUrl.IsLoopback)
        {
            yield return new ValidationResult("Must use https: links carry a credential (plain http only for a loopback host).", [nameof(BaseUrl)]);
        }
    }
}
