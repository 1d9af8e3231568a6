using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.RateLimiting;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using Polly;
using Polly.CircuitBreaker;

namespace Scheduler.Grains.Notifications.Email;

/// <summary>
/// Sends with MailKit: a <c>multipart/mixed</c> of a <c>multipart/alternative</c> (<c>text/plain</c>, <c>text/html</c>
/// and, when there is an invite, <c>text/calendar; method=…</c>, the iMIP form mail clients act on, RFC 6047 §2.4)
/// and the same invite as an <c>invite.ics</c> attachment for clients that only look at attachments. One connection
/// per message: STARTTLS (RFC 3207, required when <see cref="SmtpOptions.EnableSsl"/>), then AUTH when a user name is
/// set, each step bounded by <see cref="SmtpOptions.TimeoutSeconds"/>. With <see cref="SmtpOptions.PickupDirectory"/>
/// the same message is written there as <c>{Message-ID}.eml</c> instead (whole or not at all; a repeat replaces it).
/// <para>
/// Per process, at most <see cref="SmtpOptions.MaxConnections"/> connections are open at once (further sends wait up to
/// <see cref="SmtpOptions.TimeoutSeconds"/> for one, at most <see cref="SmtpOptions.MaxQueuedSends"/> of them), and a
/// circuit breaker (Polly) stops trying for <see cref="SmtpOptions.CircuitBreakSeconds"/> once every send of the last
/// 5 minutes, at least <see cref="SmtpOptions.CircuitBreakAfterFailures"/> of them, failed for a reason of the server's
/// (unreachable, silent, TLS, credentials, 421); then one send tries again. An outage thus costs one failed connection
/// per break, not one per waiting message, and the server is not flooded when it comes back.
/// A refused recipient or message (any other reply code) is the message's fault and does not count. The limits and the
/// breaker's settings are read once, when the sender is created.
/// </para>
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly IOptionsMonitor<SmtpOptions> _smtp;
    private readonly ConcurrencyLimiter _connections;
    private readonly ResiliencePipeline _breaker;

    /// <summary>Creates the sender.</summary>
    /// <param name="smtp">The SMTP settings (read on every send; the connection limits and the breaker's at creation).</param>
    /// <param name="time">The clock the circuit breaker measures its break on.</param>
    public SmtpEmailSender(IOptionsMonitor<SmtpOptions> smtp, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(time);
        _smtp = smtp;
        var options = smtp.CurrentValue;
        _connections = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Clamp(options.MaxConnections, 1, 100),
            QueueLimit = Math.Clamp(options.MaxQueuedSends, 0, 100_000),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _breaker = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsServerFault),
                FailureRatio = 1.0,
                MinimumThroughput = Math.Clamp(options.CircuitBreakAfterFailures, 2, 1000),
                SamplingDuration = TimeSpan.FromMinutes(5),
                BreakDuration = TimeSpan.FromSeconds(Math.Clamp(options.CircuitBreakSeconds, 1, 3600)),
            })
            .Build();
    }

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = _smtp.CurrentValue;
        using var mime = Build(message, options);
        if (!string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            await DropAsync(mime, options.PickupDirectory, cancellationToken);
            return;
        }

        var server = $"SMTP {options.Host}:{options.Port}";

        // The wait for a connection is outside the breaker: it says nothing about the server, and a send that waited
        // while the circuit opened must not connect.
        using var lease = await TakeConnectionAsync(options, server, cancellationToken);
        try
        {
            await _breaker.ExecuteAsync(async token => await DeliverAsync(mime, options, token), cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new EmailDeliveryException($"{server} failed every recent send; not tried again for up to {options.CircuitBreakSeconds} s (last failure: {ex.InnerException?.Message ?? "unknown"})", false, ex);
        }
        catch (SmtpCommandException ex)
        {
            // RFC 5321 §4.2.1: 5yz is permanent, except a busy mailbox, which may free up.
            var code = (int)ex.StatusCode;
            var permanent = code is >= 500 and < 600 && ex.StatusCode != SmtpStatusCode.MailboxBusy;
            throw new EmailDeliveryException($"{server} refused the message ({code}): {ex.Message}", permanent, ex);
        }
        catch (AuthenticationException ex)
        {
            // Credentials are configuration: once fixed, the retried message goes through.
            throw new EmailDeliveryException($"{server} refused the credentials of '{options.UserName}': {ex.Message}", false, ex);
        }
        catch (SslHandshakeException ex)
        {
            throw new EmailDeliveryException($"{server}: TLS failed (certificate not trusted and not pinned?): {ex.Message}", false, ex);
        }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException or NotSupportedException)
        {
            throw new EmailDeliveryException($"{server} unreachable: {ex.Message}", false, ex);
        }
    }

    /// <summary>Whether a send failed for a reason of the server's, not of the message's (what the breaker counts).</summary>
    private static bool IsServerFault(Exception exception) => exception switch
    {
        SmtpCommandException command => command.StatusCode == SmtpStatusCode.ServiceNotAvailable,
        _ => exception is IOException or SocketException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException
            or NotSupportedException or AuthenticationException or SslHandshakeException,
    };

    /// <summary>Takes one of the <see cref="SmtpOptions.MaxConnections"/> connections, waiting up to <see cref="SmtpOptions.TimeoutSeconds"/>.</summary>
    /// <exception cref="EmailDeliveryException">No connection was free in time, or too many sends were waiting for one (transient; not the server's fault).</exception>
    private async Task<RateLimitLease> TakeConnectionAsync(SmtpOptions options, string server, CancellationToken cancellationToken)
    {
        var timeout = StepTimeout(options);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        RateLimitLease lease;
        try
        {
            lease = await _connections.AcquireAsync(1, waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException($"no connection to {server} free within {timeout.TotalSeconds:0} s (at most {options.MaxConnections} at once)");
        }

        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new EmailDeliveryException($"{options.MaxQueuedSends} sends already wait for a connection to {server}");
        }

        return lease;
    }

    /// <summary>How long one step of a send (or the wait for a connection) may take: <see cref="SmtpOptions.TimeoutSeconds"/>, 1–600 s.</summary>
    private static TimeSpan StepTimeout(SmtpOptions options) => TimeSpan.FromSeconds(Math.Clamp(options.TimeoutSeconds, 1, 600));

    /// <summary>Connects, authenticates, sends and quits, each step bounded by <see cref="SmtpOptions.TimeoutSeconds"/>.</summary>
    private static async Task DeliverAsync(MimeMessage mime, SmtpOptions options, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)StepTimeout(options).TotalMilliseconds };
        if (!string.IsNullOrEmpty(options.ServerCertificateSha256))
        {
            var pin = options.ServerCertificateSha256;
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => errors == SslPolicyErrors.None || IsPinned(certificate, pin);
        }

        await client.ConnectAsync(options.Host, options.Port, options.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>Writes the message into the pickup directory: to a temporary name first, then renamed, so a reader never sees half a file.</summary>
    private static async Task DropAsync(MimeMessage mime, string directory, CancellationToken cancellationToken)
    {
        var name = string.Concat((mime.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId()).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '@' ? c : '_')) + ".eml";
        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name);
            var partial = path + ".partial";
            // CRLF line ends, as on the wire (RFC 5322 §2.1); the default follows the platform and would rewrite text parts.
            var format = FormatOptions.Default.Clone();
            format.NewLineFormat = NewLineFormat.Dos;
            await mime.WriteToAsync(format, partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmailDeliveryException($"The pickup directory {directory} refused the message: {ex.Message}", false, ex);
        }
    }

    private static bool IsPinned(X509Certificate? certificate, string sha256Hex)
    {
        if (certificate is null)
        {
            return false;
        }

        var hash = SHA256.HashData(certificate.GetRawCertData());
        return string.Equals(Convert.ToHexString(hash), sha256Hex.Replace(":", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    private static MimeMessage Build(EmailMessage message, SmtpOptions options)
    {
        var alternative = new MultipartAlternative
        {
            Text(TextFormat.Plain, message.TextBody),
            Text(TextFormat.Html, message.HtmlBody),
        };
        MimeEntity body = alternative;
        if (message.Invite is { } invite)
        {
            var calendar = new TextPart("calendar") { ContentTransferEncoding = ContentEncoding.Base64 };
            calendar.SetText(Encoding.UTF8, invite.Content);
            calendar.ContentType.Parameters.Add("method", invite.Method);
            alternative.Add(calendar);

            var attachment = new MimePart("application", "ics")
            {
                Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(invite.Content))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = invite.FileName,
            };
            body = new Multipart("mixed") { alternative, attachment };
        }

        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.MessageId.Trim('<', '>'),
            Body = body,
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mime;
    }

    private static TextPart Text(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
