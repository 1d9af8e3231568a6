using System.Net.Http.Headers;
using System.Text;

namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>
/// A CalDAV calendar collection (RFC 4791 §4.2) and the Basic credentials (RFC 7617) to reach
/// it. <see cref="ToString"/> never shows the password or the URL's path.
/// </summary>
/// <param name="Url">The collection URL, e.g. <c>https://dav.example.com/alice/work/</c>; a missing trailing slash is added.</param>
/// <param name="Username">The user name; <see langword="null"/> sends no credentials.</param>
/// <param name="Password">The password; write-only, never logged.</param>
public sealed record CalDavCalendar(Uri Url, string? Username, string? Password)
{
    /// <summary>The collection URL with a trailing slash.</summary>
    public Uri CollectionUrl => Url.AbsoluteUri.EndsWith('/') ? Url : new Uri(Url.AbsoluteUri + "/");

    /// <summary>The URL of the event resource <c>{collection}/{uid}.ics</c> (the UID escaped as one path segment).</summary>
    /// <param name="uid">The event's UID; not empty.</param>
    /// <returns>The resource URL.</returns>
    /// <exception cref="ArgumentException"><paramref name="uid"/> is empty.</exception>
    public Uri EventUrl(string uid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uid);
        return new Uri(CollectionUrl, Uri.EscapeDataString(uid) + ".ics");
    }

    /// <summary>The <c>Authorization</c> header value, or <see langword="null"/> without a user name.</summary>
    internal AuthenticationHeaderValue? Authorization => Username is null
        ? null
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));

    /// <summary>The redacted URL (no credentials, no path).</summary>
    /// <returns>A string that is safe to log.</returns>
    public override string ToString() => CalendarUrl.Redact(Url.AbsoluteUri);
}
