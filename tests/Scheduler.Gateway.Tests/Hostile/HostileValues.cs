using System.Collections.Concurrent;

namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>The hostile values the generators draw from: ids, zones, DST local times, content types, methods, routes.</summary>
internal static class HostileValues
{
    /// <summary>The unit oversize strings repeat; a response that quotes six units in a row quotes over 40 characters of a caller's value.</summary>
    public const string FillerUnit = "Ov3rs1ze";

    /// <summary>A megabyte.</summary>
    public const int Megabyte = 1024 * 1024;

    /// <summary>The longest path segment a <see cref="Uri"/> carries (its limit is 65,519 characters for the whole URI).</summary>
    public const int LongestPathId = 60_000;

    private static readonly ConcurrentDictionary<int, string> Fillers = new();

    /// <summary>Ids that are well formed but name nothing in either tenant.</summary>
    public static readonly string[] UnknownIds = ["ghost", "nobody-1", "x", "0", "a.b_c-d:e@f", "00000000000000000000000000000000", "018f0e6ea1c07b3c9f2a5e1d4c3b2a19", "Ivy", "IVY", "ivy.", "cand@example.test", "CON", "NUL"];

    /// <summary>Ids that are not well formed: empty, dots, separators, spaces, control characters, non-ASCII, 129 characters, a path.</summary>
    public static readonly string[] MalformedIds =
    [
        "", " ", ".", "..", "-lead", "_lead", ":x", "a/b", "a\\b", "a b", "a\tb", "a\u0000b", "a\u0001", "ñandú", "😀", "Ivy\u200b", "a?b=c", "a#b", "a%b",
        "a+b", "a,b", "'; DROP TABLE orleans_grain_state; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "%s%s%s%n", "\u202eevil",
        new string('a', 129), "hostile-bravo/ivy", "../hostile-bravo/ivy", "..%2Fhostile-bravo%2Fivy", "%2e%2e",
    ];

    /// <summary>Time zone ids that are unknown or malformed.</summary>
    public static readonly string[] BadZones =
    [
        "", " ", "Mars/Olympus_Mons", "UTC+25", "GMT+14:00", "+05:30", "-99:00", "Z", "Europe/Berlin\u0000", "Europe/Berlin ", " Europe/Berlin", "Europe//Berlin",
        "Europe/Berlin/Extra", "Europe\\Berlin", "../../../../etc/localtime", "/etc/localtime", "/usr/share/zoneinfo/Europe/Berlin", "Etc/GMT+13", "Etc/GMT-15",
        "Etc/Unknown", "US/Pacific-New", "Nonexistent Standard Time", "W. Mars Standard Time", "localtime", "Europe/Bérlin", "Europe/Berl\u0130n",
        "\u202eEurope/Berlin", "Europe/Berlin\r\nX-Injected: 1", new string('Z', 1000), "Europe/" + new string('x', 300), "%00", "null", "undefined",
    ];

    /// <summary>Zones that exist but are unusual (legacy aliases, Windows names, odd offsets, 30-minute DST); a profile with one may be accepted.</summary>
    public static readonly string[] OddZones =
    [
        "W. Europe Standard Time", "Pacific Standard Time", "India Standard Time", "Asia/Calcutta", "Europe/Kiev", "Asia/Kathmandu", "Pacific/Chatham",
        "Australia/Lord_Howe", "Etc/GMT+12", "Etc/GMT-14", "Pacific/Kiritimati", "Antarctica/Troll", "America/St_Johns", "EST5EDT", "europe/berlin", "UTC",
    ];

    /// <summary>DST cases: zone, the local date of a transition, and hours inside the gap or the repeated hour.</summary>
    public static readonly (string Zone, string Date, string Start, string End)[] DstCases =
    [
        ("Europe/Berlin", "2026-03-29", "02:00", "03:00"),
        ("Europe/Berlin", "2026-03-29", "02:30", "02:45"),
        ("Europe/Berlin", "2026-03-29", "01:59", "03:01"),
        ("Europe/Berlin", "2026-10-25", "02:00", "03:00"),
        ("Europe/Berlin", "2026-10-25", "02:15", "02:16"),
        ("Europe/Berlin", "2027-03-28", "02:00", "02:59"),
        ("America/New_York", "2026-03-08", "02:00", "03:00"),
        ("America/New_York", "2026-11-01", "01:00", "02:00"),
        ("America/New_York", "2026-11-01", "01:30", "01:45"),
        ("Australia/Lord_Howe", "2026-04-05", "01:30", "02:00"),
        ("Australia/Lord_Howe", "2026-10-04", "02:00", "02:30"),
        ("America/Santiago", "2026-09-06", "00:00", "01:00"),
        ("America/Santiago", "2026-04-04", "23:00", "23:59"),
        ("Pacific/Chatham", "2026-09-27", "02:45", "03:45"),
        ("America/Havana", "2026-03-08", "00:00", "01:00"),
        ("Asia/Gaza", "2026-03-28", "02:00", "03:00"),
        ("Europe/Dublin", "2026-10-25", "01:00", "02:00"),
        ("Africa/Casablanca", "2026-02-15", "02:00", "03:00"),
        ("Europe/Berlin", "2027-10-31", "02:00", "03:00"),
        ("America/New_York", "2027-03-14", "02:00", "03:00"),
        ("America/New_York", "2027-11-07", "01:00", "02:00"),
        ("Australia/Lord_Howe", "2027-04-04", "01:30", "02:00"),
        ("America/Santiago", "2027-04-03", "23:00", "23:59"),
        ("Pacific/Chatham", "2027-04-04", "02:45", "03:45"),
        ("Europe/Berlin", "2028-03-26", "02:00", "03:00"),
    ];

    /// <summary>Content types that are not JSON, or JSON with a charset the body is not in.</summary>
    public static readonly string[] BadContentTypes =
    [
        "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
        "application/json; charset=utf-16", "application/json; charset=utf-32", "application/json; charset=nonsense", "application/jsonx", "json",
        "application/json, text/plain", "*/*", "application/*", "application", "application/json;;;;", "application/json; boundary=\"", "\u0000",
        "text/html; charset=utf-8", "image/png", new string('x', 5000),
    ];

    /// <summary>Methods no documented route has, and ones that only some do.</summary>
    public static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"];

    /// <summary>Paths no route serves (some close to real ones).</summary>
    public static readonly string[] UnknownPaths =
    [
        "/v1/participant", "/v1/participants/ivy/blocks/extra", "/v2/participants/ivy", "/v1/interview-requests/x/y/z", "/v1//participants", "/v1/participants/ivy%2Fblocks",
        "/.env", "/admin", "/v1/settings", "/v1/settings/notifications/extra", "/webhooks/zoom", "/webhooks/", "/webhooks/google/extra", "/v1/oauth/zoom/start",
        "/v1/oauth/google", "/v1/calendar-accounts/google", "/v1/calendar-accounts/google/a/b", "/dev/token", "/v1/%ZZ", "/v1/participants/%C0%AF",
        "/v1/pools/panel/members", "/v1/interview-requests/batch/1", "/api/v1/participants", "/v1/participants/ivy;jsessionid=1", "/wp-login.php",
        "/v1/participants/ivy/../../hostile-bravo", "/v1/tenants/hostile-bravo/participants/ivy",
    ];

    /// <summary>Calendar URLs that point at this host, private networks, link-local metadata services, or are not http(s).</summary>
    public static readonly string[] PrivateCalendarUrls =
    [
        "http://127.0.0.1/cal.ics", "http://127.1/cal.ics", "http://0.0.0.0/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://[0:0:0:0:0:ffff:7f00:1]/",
        "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://10.0.0.1/cal.ics", "http://192.168.1.1/", "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://[fd00::1]/", "http://100.64.0.1/", "http://user:pass@127.0.0.1/",
        "http://127.0.0.1:6379/", "http://127.0.0.1#@8.8.8.8/", "file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://127.0.0.1/", "javascript:alert(1)",
        "data:text/calendar,BEGIN:VCALENDAR", "//127.0.0.1/", "cal.ics", "http://", "http:///x", "https://[::]/", "http://[::ffff:a9fe:a9fe]/",
    ];

    /// <summary>A string of <paramref name="length"/> characters made of <see cref="FillerUnit"/> (letters and digits, so it passes character checks and fails length checks).</summary>
    public static string Filler(int length) =>
        Fillers.GetOrAdd(length, n => new StringBuilder(n + FillerUnit.Length).Insert(0, FillerUnit, (n / FillerUnit.Length) + 1).ToString(0, n));

    /// <summary>Whether <paramref name="text"/> quotes more than 40 characters of a filler value.</summary>
    public static bool QuotesFiller(string text) => text.Contains(string.Concat(Enumerable.Repeat(FillerUnit, 6)), StringComparison.Ordinal);
}
