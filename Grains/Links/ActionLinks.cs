using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Scheduler.Grains.Links;

/// <summary>
/// Makes and reads action links. A token is the link's <see cref="ActionLink"/> as JSON, protected by ASP.NET Core Data
/// Protection (authenticated encryption with the cluster's shared key ring) under its own purpose, so it can be neither
/// read nor forged without the keys; its expiry is checked against the injected clock.
/// </summary>
/// <param name="provider">The Data Protection provider (the keys every silo shares).</param>
/// <param name="options">Where links point.</param>
/// <param name="time">The clock.</param>
public sealed class ActionLinks(IDataProtectionProvider provider, IOptions<ActionLinkOptions> options, TimeProvider time)
{
    /// <summary>The path of the page that shows a link, before the token.</summary>
    public const string PathPrefix = "act/";

    private readonly IDataProtector _protector = provider.CreateProtector("Scheduler.ActionLinks.v1");

    /// <summary>Whether links can be made (<see cref="ActionLinkOptions.BaseUrl"/> is set).</summary>
    public bool Enabled => options.Value.BaseUrl is not null;

    /// <summary>How long a proposal's link is valid (<see cref="ActionLinkOptions.ProposalLinkDays"/>).</summary>
    public TimeSpan ProposalLifetime => TimeSpan.FromDays(options.Value.ProposalLinkDays);

    /// <summary>The absolute URL of a link, <c>{BaseUrl}act/{token}</c>.</summary>
    /// <param name="link">What it names.</param>
    /// <returns>The URL, or <see langword="null"/> when links are not enabled.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">No Data Protection key can be read or made.</exception>
    public string? Url(ActionLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (options.Value.BaseUrl is not { } baseUrl)
        {
            return null;
        }

        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/";
        return root + PathPrefix + _protector.Protect(JsonSerializer.Serialize(link));
    }

    /// <summary>Reads a token.</summary>
    /// <param name="token">The token from a link's path.</param>
    /// <returns>What it names, or <see langword="null"/> when it was altered, made with unknown keys, or has expired.</returns>
    public ActionLink? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            var link = JsonSerializer.Deserialize<ActionLink>(_protector.Unprotect(token));
            return link is not null && link.ExpiresAt > time.GetUtcNow() ? link : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
