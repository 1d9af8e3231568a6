using System.ComponentModel.DataAnnotations;

namespace Scheduler.Grains.Calendars;

/// <summary>
/// Settings of the <c>ics</c> and <c>caldav</c> busy sources, and of how every calendar read (all providers) is run
/// beside the participant: timeouts, waits, failure backoff and the per-host concurrency cap (configuration section
/// <c>Calendars</c> when a host binds it).
/// </summary>
public sealed class CalendarSourceOptions
{
    /// <summary>The configuration section hosts bind.</summary>
    public const string SectionName = "Calendars";

    /// <summary>
    /// How often an <c>ics</c> feed is polled: data older than this is stale and is revalidated
    /// (conditional GET) on the next availability query. Default 5 minutes; must be positive.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IcsPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a CalDAV answer stays fresh. Default 5 minutes; must be positive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CalDavPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether the CalDAV source asks for a <c>free-busy-query</c> REPORT first (RFC 4791 §7.10)
    /// and falls back to <c>calendar-query</c> when the server does not support it. Default
    /// <see langword="false"/>: <c>calendar-query</c> is used, because the server would read
    /// floating times in its own zone rather than the participant's.
    /// </summary>
    public bool PreferCalDavFreeBusy { get; set; }

    /// <summary>Retries after a failed read (network error, timeout, 408, 429, 5xx); 0 disables retries. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones double, with jitter. A <c>Retry-After</c> header wins. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one HTTP attempt of an <c>ics</c> or CalDAV read or write. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of opening one connection to an <c>ics</c> or CalDAV server (DNS and TCP). Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest one read of one calendar of any provider may take, retries and the wait for a turn
    /// (<see cref="MaxConcurrentReadsPerHost"/>) included; a read still running then counts as failed. Reads run in the
    /// background of the participant, so this bounds how long a hanging server holds a read, not how long an answer
    /// waits (see <see cref="AnswerWait"/>). Default 25 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How long a participant's answer waits for a running read of a calendar it already holds data for (for the asked
    /// range); then it answers from that data and marks the calendar stale. Default 300 milliseconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan AnswerWait { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How long a participant's answer waits for a running read of a calendar it holds no data for yet (for the asked
    /// range: a new participant, a new calendar, a range far ahead); then it answers without that calendar's busy time
    /// and marks it stale. Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:20")]
    public TimeSpan FirstReadWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after a failed read of a calendar the next one starts; it doubles with each further failure up to
    /// <see cref="MaxFailureBackoff"/> and resets after a success. Meanwhile answers use the last good data at once.
    /// Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between reads of a calendar that keeps failing. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxFailureBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many calendar reads per host (per account provider for <c>google</c> and <c>microsoft</c>) run at once on a
    /// silo; further reads wait their turn within <see cref="FetchTimeout"/>. Default 4.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentReadsPerHost { get; set; } = 4;

    /// <summary>The largest feed or REPORT body read, in bytes; larger ones are an error. Default 20 MiB.</summary>
    [Range(1024L, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// The folder <c>file:</c> feeds may be read from (the feed's path must resolve inside it);
    /// <see langword="null"/> (the default) refuses <c>file:</c> feeds, so a participant entry
    /// can never make the silo read arbitrary local files.
    /// </summary>
    public string? FileFeedRoot { get; set; }

    /// <summary>
    /// Whether iCalendar feeds and CalDAV servers may be on loopback, link-local (e.g. the cloud metadata address
    /// 169.254.169.254), private, shared (100.64.0.0/10), multicast or unspecified addresses. Default <see langword="false"/>:
    /// such URLs are refused when a profile is saved (when the host resolves to one) and at every connection (the address
    /// actually connected to is checked, so DNS rebinding cannot pass). Set it for tests and on-premises servers.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
