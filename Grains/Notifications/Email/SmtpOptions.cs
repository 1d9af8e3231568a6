using System.ComponentModel.DataAnnotations;

namespace Scheduler.Grains.Notifications.Email;

/// <summary>SMTP settings, bound to the <c>Smtp:</c> configuration section.</summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Smtp";

    /// <summary>The server host name or address.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>The server port (1–65535); 587 for submission with STARTTLS, 25 for relay.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Whether to upgrade the connection with STARTTLS (RFC 3207) before authenticating.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>
    /// The SHA-256 hash of the server's DER certificate in hex (colons allowed), for a relay whose certificate no
    /// trusted authority signed (a self-signed on-premises server): that one certificate is accepted. <see langword="null"/>
    /// (the default) accepts only certificates that validate for <see cref="Host"/>.
    /// </summary>
    [RegularExpression("^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$", ErrorMessage = "Must be a SHA-256 hash in hex: 64 digits, colons allowed between pairs.")]
    public string? ServerCertificateSha256 { get; set; }

    /// <summary>The user name for SMTP AUTH, or <see langword="null"/> to send without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for SMTP AUTH.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address (RFC 5322 <c>From</c>); also the invite's <c>ORGANIZER</c>.</summary>
    [Required(AllowEmptyStrings = false), EmailAddress]
    public string FromAddress { get; set; } = "scheduler@localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Scheduler";

    /// <summary>How long one send may take, in seconds (1–600).</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How many SMTP connections one process opens at once (1–100); further sends wait for one. Read at start.</summary>
    [Range(1, 100)]
    public int MaxConnections { get; set; } = 4;

    /// <summary>
    /// How many sends may wait for a connection (0–100,000); a send beyond them, or one that waited
    /// <see cref="TimeoutSeconds"/>, fails for now and its outbox tries it again later. Read at start.
    /// </summary>
    [Range(0, 100_000)]
    public int MaxQueuedSends { get; set; } = 1000;

    /// <summary>How many sends, all failed for a reason of the server's within 5 minutes, open the circuit (2–1000). Read at start.</summary>
    [Range(2, 1000)]
    public int CircuitBreakAfterFailures { get; set; } = 5;

    /// <summary>How long an open circuit refuses sends without connecting, in seconds (1–3600), before one send tries again. Read at start.</summary>
    [Range(1, 3600)]
    public int CircuitBreakSeconds { get; set; } = 30;

    /// <summary>The domain on the right of generated <c>Message-ID</c>s; when empty, the domain of <see cref="FromAddress"/>.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>The domain generated <c>Message-ID</c>s use: <see cref="MessageIdDomain"/>, else the domain of <see cref="FromAddress"/>.</summary>
    public string MessageIdHost => string.IsNullOrWhiteSpace(MessageIdDomain) ? FromAddress[(FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : MessageIdDomain;

    /// <summary>
    /// A directory (full path, or relative to the current directory) where each message is written as an RFC 5322
    /// <c>.eml</c> file instead of being sent, for development and the demo; when set, <see cref="Host"/> is not used.
    /// </summary>
    public string? PickupDirectory { get; set; }
}
