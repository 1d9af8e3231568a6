using System.ComponentModel.DataAnnotations;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Settings of the Google Calendar provider (configuration section <c>Google</c>): the common ones of
/// <see cref="CalendarProviderOptions"/> (scopes: read/write calendar access; <c>RenewBefore</c> 1 day;
/// <c>MaxRetryAfter</c> 1 minute) and Google's base URLs and channel lifetime. Every base URL is configurable so a
/// test can point it at a local stand-in.
/// </summary>
public sealed class GoogleOptions : CalendarProviderOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Google";

    /// <summary>Creates the options with Google's defaults.</summary>
    public GoogleOptions() => Scopes = "https://www.googleapis.com/auth/calendar";

    /// <inheritdoc />
    public override string Section => SectionName;

    /// <inheritdoc />
    public override Uri TokenEndpoint => TokenUrl;

    /// <inheritdoc />
    public override Uri AuthorizeEndpoint => AuthUrl;

    /// <summary>The Calendar API v3 base URL, ending with <c>/</c>. Default <c>https://www.googleapis.com/calendar/v3/</c>.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://www.googleapis.com/calendar/v3/");

    /// <summary>The OAuth 2.0 token endpoint (RFC 6749 §3.2). Default <c>https://oauth2.googleapis.com/token</c>.</summary>
    [Required]
    public Uri TokenUrl { get; set; } = new("https://oauth2.googleapis.com/token");

    /// <summary>The OAuth 2.0 authorization (consent) endpoint (RFC 6749 §3.1). Default <c>https://accounts.google.com/o/oauth2/v2/auth</c>.</summary>
    [Required]
    public Uri AuthUrl { get; set; } = new("https://accounts.google.com/o/oauth2/v2/auth");

    /// <summary>The lifetime asked for a push channel (<c>params.ttl</c>). Default 7 days, Google's default; Google may grant less.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ChannelTtl { get; set; } = TimeSpan.FromDays(7);
}
