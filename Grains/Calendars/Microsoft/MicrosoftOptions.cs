using System.ComponentModel.DataAnnotations;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Settings of the Microsoft 365 (Graph) calendar connector (configuration section <c>Microsoft</c>).
/// Every base URL is configurable so a test can point it at a local stand-in.
/// </summary>
public sealed class MicrosoftOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Microsoft";

    /// <summary>The Graph v1.0 base URL, ending with <c>/</c>. Default <c>https://graph.microsoft.com/v1.0/</c>.</summary>
    [Required]
    public Uri GraphBaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0/");

    /// <summary>The Microsoft identity platform host, ending with <c>/</c>; the token endpoint is <c>{AuthorityHost}{TenantId}/oauth2/v2.0/token</c>. Default <c>https://login.microsoftonline.com/</c>.</summary>
    [Required]
    public Uri AuthorityHost { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>The token endpoint, when it is not <c>{AuthorityHost}{TenantId}/oauth2/v2.0/token</c>; <see langword="null"/> derives it.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>The Entra ID tenant (GUID or domain) of the app; <c>organizations</c> for delegated consent from any work account. App-only tokens need a real tenant. Default <c>organizations</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TenantId { get; set; } = "organizations";

    /// <summary>The app registration's client id; <see langword="null"/> disables the OAuth routes and token refresh.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (a secret: set it from the environment, never in appsettings.json).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The redirect URI registered for the app: the gateway's <c>/v1/oauth/microsoft/callback</c>, absolute.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The HTTPS address Graph posts change and lifecycle notifications to (the gateway's <c>/webhooks/microsoft</c>); <see langword="null"/> creates no subscriptions (busy data is then polled every <see cref="BusyFreshFor"/>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The delegated scopes asked at consent, space-separated. Default <c>offline_access Calendars.ReadWrite</c> (offline_access makes the identity platform issue a refresh token).</summary>
    public string Scopes { get; set; } = "offline_access Calendars.ReadWrite";

    /// <summary>The lifetime asked for a subscription. Default 3 days; Graph allows at most 10,080 minutes (just under 7 days) for Outlook events.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SubscriptionTtl { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long before a subscription's expiry it is replaced. Default 12 hours; must be shorter than <see cref="SubscriptionTtl"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How far ahead (from now) the change-tracking view (<c>calendarView/delta</c>) looks. Default 180 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "1100.00:00:00")]
    public TimeSpan SyncWindow { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The time zone asked for in <c>Prefer: outlook.timezone</c> (IANA or Windows name). Default <c>UTC</c>; any other zone is converted back exactly.</summary>
    public string ResponseTimeZone { get; set; } = "UTC";

    /// <summary>How long busy data read from Graph stays fresh in a participant. Default 15 minutes (notifications invalidate it sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BusyFreshFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many requests are in flight per mailbox (Outlook's limit is 4 concurrent requests per app per mailbox). Default 4; 1 to 4.</summary>
    [Range(1, 4)]
    public int MaxConcurrentPerMailbox { get; set; } = 4;

    /// <summary>Retries after 429, 5xx, a timeout or a network error; 0 disables retries. Default 5.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay; later ones double, with jitter. A <c>Retry-After</c> header wins. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one fails the call. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of one HTTP attempt. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The retry settings of the client's handler: <see cref="MaxRetries"/>, <see cref="RetryBaseDelay"/>, <see cref="MaxRetryAfter"/> (also the longest backoff delay) and <see cref="RequestTimeout"/>.</summary>
    public HttpRetrySettings RetrySettings => new(MaxRetries, RetryBaseDelay, MaxRetryAfter, RequestTimeout);

    /// <summary>The token endpoint in use: <see cref="TokenUrl"/>, or <c>{AuthorityHost}{TenantId}/oauth2/v2.0/token</c>.</summary>
    public Uri TokenEndpoint => TokenUrl ?? new Uri(AuthorityHost, $"{Uri.EscapeDataString(TenantId)}/oauth2/v2.0/token");

    /// <summary>The authorization (consent) endpoint: <c>{AuthorityHost}{TenantId}/oauth2/v2.0/authorize</c>.</summary>
    public Uri AuthorizeEndpoint => new(AuthorityHost, $"{Uri.EscapeDataString(TenantId)}/oauth2/v2.0/authorize");
}
