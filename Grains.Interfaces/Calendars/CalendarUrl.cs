namespace Scheduler.Grains.Calendars;

/// <summary>
/// Removes secrets from calendar URLs before they are logged or reported. Secret-address feeds
/// (Google, Outlook, iCloud) carry their credential in the path or query, so only the scheme
/// and host are kept; <c>file:</c> feeds keep their file name.
/// </summary>
public static class CalendarUrl
{
    /// <summary>The URL without user info, path or query: <c>https://calendar.example.com/…</c>.</summary>
    /// <param name="url">The URL as configured; may be malformed.</param>
    /// <returns>A string that is safe to log.</returns>
    public static string Redact(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "(invalid url)";
        }

        if (uri.IsFile)
        {
            return $"file:…/{Path.GetFileName(uri.LocalPath)}";
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}/…" : $"{uri.Scheme}://{uri.Host}:{uri.Port}/…";
    }
}
