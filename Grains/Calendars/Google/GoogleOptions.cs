using System.ComponentModel.DataAnnotations;
using Scheduler.Grains.Common.Http;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Settings of the Google Calendar connector (configuration section <c>Google</c>). Every base URL
/// is configurable so a test can point it at a local stand-in.
/// </summary>
public sealed class GoogleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Google";

    /// <summary>The Calendar API v3 base URL, ending with <c>/</c>. Default <c>https://www.googleapis.com/calendar/v3/</c>.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://www.googleapis.com/calendar/v3/");

    /// <summary>The OAuth 2.0 token endpoint (RFC 6749 §3.2). Default <c>https://oauth2.googleapis.com/token</c>.</summary>
    [Required]
    public Uri TokenUrl { get; set; } = new("https://oauth2.googleapis.com/token");

    /// <summary>The OAuth 2.0 authorization (consent) endpoint (RFC 6749 §3.1). Default <c>https://accounts.google.com/o/oauth2/v2/auth</c>.</summary>
    [Required]
    public Uri AuthUrl { get; set; } = new("https://accounts.google.com/o/oauth2/v2/auth");

    /// <summary>The OAuth client id; <see langword="null"/> disables the OAuth routes.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret (a secret: set it from the environment, never in appsettings.json).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The redirect URI registered with Google: the gateway's <c>/v1/oauth/google/callback</c>, absolute.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The HTTPS address Google delivers push notifications to (the gateway's <c>/webhooks/google</c>); <see langword="null"/> opens no push channels (busy data is then polled every <see cref="BusyFreshFor"/>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The scopes asked at consent, space-separated. Default read/write calendar access.</summary>
    public string Scopes { get; set; } = "https://www.googleapis.com/auth/calendar";

    /// <summary>The lifetime asked for a push channel (<c>params.ttl</c>). Default 7 days, Google's default; Google may grant less.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ChannelTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long before a channel's expiry it is replaced. Default 1 day; must be shorter than <see cref="ChannelTtl"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long busy data read from Google stays fresh in a participant. Default 15 minutes (push notifications invalidate it sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BusyFreshFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Retries after a quota error (403 <c>rateLimitExceeded</c>/<c>userRateLimitExceeded</c>, 429), a 5xx, a timeout or a network error; 0 disables retries. Default 5.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry delay; later ones double, with jitter (Google's exponential backoff guidance). A <c>Retry-After</c> header wins. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one fails the call. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Timeout of one HTTP attempt. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The retry settings of the client's handler: <see cref="MaxRetries"/>, <see cref="RetryBaseDelay"/>, <see cref="MaxRetryAfter"/> (also the longest backoff delay) and <see cref="RequestTimeout"/>.</summary>
    public HttpRetrySettings RetrySettings => new(MaxRetries, RetryBaseDelay, MaxRetryAfter, RequestTimeout);
}
