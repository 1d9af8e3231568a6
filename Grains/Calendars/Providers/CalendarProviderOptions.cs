using System.ComponentModel.DataAnnotations;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// The settings every calendar provider has (its configuration section, e.g. <c>Google</c> or <c>Microsoft</c>): the
/// OAuth client, the webhook address, channel renewal, busy freshness and HTTP retries. A provider's options class
/// derives from it, sets the defaults that differ in its constructor and adds its own base URLs.
/// </summary>
public abstract class CalendarProviderOptions
{
    /// <summary>The configuration section, also the provider's name in messages (<c>Google</c>, <c>Microsoft</c>).</summary>
    public abstract string Section { get; }

    /// <summary>The OAuth 2.0 token endpoint (RFC 6749 §3.2).</summary>
    public abstract Uri TokenEndpoint { get; }

    /// <summary>The OAuth 2.0 authorization (consent) endpoint (RFC 6749 §3.1).</summary>
    public abstract Uri AuthorizeEndpoint { get; }

    /// <summary>The OAuth client id; <see langword="null"/> disables the OAuth routes and token refresh.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret (a secret: set it from the environment, never in appsettings.json).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The redirect URI registered with the provider: the gateway's <c>/v1/oauth/{provider}/callback</c>, absolute.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The HTTPS address the provider delivers notifications to (the gateway's <c>/webhooks/{provider}</c>); <see langword="null"/> opens no push channels (busy data is then read again, and changes synced, every <see cref="BusyFreshFor"/>) and the webhook answers 404.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The scopes asked at consent, space-separated; the provider's options set the default.</summary>
    public string Scopes { get; set; } = string.Empty;

    /// <summary>How long before a channel's expiry it is replaced; must be shorter than the channel's lifetime. The provider's options set the default.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long busy data read from the provider stays fresh in a participant. Default 15 minutes (push notifications invalidate it sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BusyFreshFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Retries after 408, 429, a 5xx (and the provider's own transient answers), a timeout or a network error; 0 disables retries. Default 5.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay; later ones double, with jitter. A <c>Retry-After</c> header wins. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> honoured (also the longest backoff delay); a longer one fails the call. The provider's options set the default.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Timeout of one HTTP attempt. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The retry settings of the provider's client handler: <see cref="MaxRetries"/>, <see cref="RetryBaseDelay"/>, <see cref="MaxRetryAfter"/> and <see cref="RequestTimeout"/>.</summary>
    public HttpRetrySettings RetrySettings => new(MaxRetries, RetryBaseDelay, MaxRetryAfter, RequestTimeout);

    /// <summary>Whether a client id and secret are configured (enough for refresh and, where the provider has them, app-only tokens).</summary>
    public bool HasClient => this is { ClientId.Length: > 0, ClientSecret.Length: > 0 };

    /// <summary>Whether a client id, secret and redirect URI are configured (the consent flow).</summary>
    public bool CanConsent => HasClient && RedirectUri is not null;
}
