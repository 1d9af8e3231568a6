using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// Sends with the framework's <see cref="SmtpClient"/>: a <c>multipart/alternative</c> of <c>text/plain</c>,
/// <c>text/html</c> and, when there is an invite, <c>text/calendar; method=…</c> (the iMIP form mail clients
/// act on, RFC 6047 §2.4), plus the same invite as an <c>invite.ics</c> attachment for clients that only
/// look at attachments. STARTTLS and AUTH follow <see cref="SmtpOptions"/>.
/// </summary>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly IOptionsMonitor<SmtpOptions> _options;

    /// <summary>Creates the sender.</summary>
    /// <param name="options">The SMTP settings (read on every send).</param>
    public SmtpEmailSender(IOptionsMonitor<SmtpOptions> options) => _options = options;

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = _options.CurrentValue;
        using var mail = Build(message, options);
        using var client = new SmtpClient(options.Host, options.Port)
        {
            EnableSsl = options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = Math.Clamp(options.TimeoutSeconds, 1, 600) * 1000,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.UseDefaultCredentials = false;
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException ex)
        {
            var code = (int)ex.StatusCode;
            var permanent = code is >= 500 and < 600 && ex.StatusCode != SmtpStatusCode.MailboxBusy;
            throw new EmailDeliveryException($"SMTP {options.Host}:{options.Port} failed: {ex.Message}", permanent, ex);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            throw new EmailDeliveryException($"SMTP {options.Host}:{options.Port} unreachable: {ex.Message}", false, ex);
        }
    }

    private static MailMessage Build(EmailMessage message, SmtpOptions options)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.FromAddress, options.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.ToAddress, message.ToName, Encoding.UTF8));
        mail.Headers.Add("Message-ID", message.MessageId);
        mail.AlternateViews.Add(View(message.TextBody, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(View(message.HtmlBody, MediaTypeNames.Text.Html));
        if (message.Invite is { } invite)
        {
            var calendarType = new ContentType("text/calendar") { CharSet = "UTF-8" };
            calendarType.Parameters.Add("method", invite.Method);
            var calendarView = AlternateView.CreateAlternateViewFromString(invite.Content, calendarType);
            calendarView.TransferEncoding = TransferEncoding.Base64;
            mail.AlternateViews.Add(calendarView);

            var attachmentType = new ContentType("application/ics") { Name = "invite.ics" };
            var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(invite.Content)), attachmentType);
            attachment.ContentDisposition!.FileName = "invite.ics";
            mail.Attachments.Add(attachment);
        }

        return mail;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
