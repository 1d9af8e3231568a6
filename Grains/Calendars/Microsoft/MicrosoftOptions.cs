using System.ComponentModel.DataAnnotations;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// Settings of the Microsoft 365 (Graph) provider (configuration section <c>Microsoft</c>): the common ones of
/// <see cref="CalendarProviderOptions"/> (scopes <c>offline_access Calendars.ReadWrite</c>, offline_access making the
/// identity platform issue a refresh token; <c>RenewBefore</c> 12 hours; <c>MaxRetryAfter</c> 2 minutes) and Graph's
/// own. Every base URL is configurable so a test can point it at a local stand-in.
/// </summary>
public sealed class MicrosoftOptions : CalendarProviderOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Microsoft";

    /// <summary>Creates the options with Microsoft's defaults.</summary>
    public MicrosoftOptions()
    {
        Scopes = "offline_access Calendars.ReadWrite";
        RenewBefore = TimeSpan.FromHours(12);
        MaxRetryAfter = TimeSpan.FromMinutes(2);
    }

    /// <inheritdoc />
    public override string Section => SectionName;

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

    /// <summary>The lifetime asked for a subscription. Default 3 days; Graph allows at most 10,080 minutes (just under 7 days) for Outlook events.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SubscriptionTtl { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How far ahead (from now) the change-tracking view (<c>calendarView/delta</c>) looks. Default 180 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "1100.00:00:00")]
    public TimeSpan SyncWindow { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The time zone asked for in <c>Prefer: outlook.timezone</c> (IANA or Windows name). Default <c>UTC</c>; any other zone is converted back exactly.</summary>
    public string ResponseTimeZone { get; set; } = "UTC";

    /// <summary>At most this many requests are in flight per mailbox (Outlook's limit is 4 concurrent requests per app per mailbox). Default 4; 1 to 4.</summary>
    [Range(1, 4)]
    public int MaxConcurrentPerMailbox { get; set; } = 4;

    /// <summary>The token endpoint in use: <see cref="TokenUrl"/>, or <c>{AuthorityHost}{TenantId}/oauth2/v2.0/token</c>.</summary>
    public override Uri TokenEndpoint => TokenUrl ?? new Uri(AuthorityHost, $"{Uri.EscapeDataString(TenantId)}/oauth2/v2.0/token");

    /// <summary>The authorization (consent) endpoint: <c>{AuthorityHost}{TenantId}/oauth2/v2.0/authorize</c>.</summary>
    public override Uri AuthorizeEndpoint => new(AuthorityHost, $"{Uri.EscapeDataString(TenantId)}/oauth2/v2.0/authorize");
}
