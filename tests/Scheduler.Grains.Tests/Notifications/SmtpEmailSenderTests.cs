using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Notifications.Email;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>The SMTP sender against a real server (aiosmtpd): STARTTLS, AUTH, a pinned self-signed certificate, refusals and a silent server.</summary>
public sealed class SmtpEmailSenderTests : IDisposable
{
    private const string User = "relay-user";
    private const string Password = "relay-secret";

    private static readonly EmailMessage Message = new(
        "ada@candidates.example",
        "Ada Lovelace",
        "Interview: screen — Tue 10 Mar",
        "Your interview is on Tuesday.",
        "<p>Your interview is on <b>Tuesday</b>.</p>",
        "<abc123@acme.example>",
        new CalendarAttachment("REQUEST", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n"));

    private readonly TempDirectory _directory = new();
    private readonly string _pin;
    private readonly SmtpSinkSecurity _security;

    public SmtpEmailSenderTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sink.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
        var certificatePath = Path.Combine(_directory.Path, "cert.pem");
        var keyPath = Path.Combine(_directory.Path, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        _pin = string.Join(':', Convert.ToHexString(SHA256.HashData(certificate.RawData)).Chunk(2).Select(pair => new string(pair)));
        _security = new SmtpSinkSecurity(certificatePath, keyPath, User, Password);
    }

    [Fact]
    public async Task Send_StartTlsAuthAndPinnedCertificate_DeliveredWithTextHtmlAndInvite()
    {
        await using var smtp = await SmtpSink.StartNewAsync(_security);

        await Sender(smtp.Port, o => o.ServerCertificateSha256 = _pin).SendAsync(Message, CancellationToken.None);

        var mail = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.True(mail.Tls);
        Assert.True(mail.Authenticated);
        Assert.Equal(["ada@candidates.example"], mail.RcptTos);
        Assert.Equal("Acme Scheduler <scheduler@acme.example>", mail.From);
        Assert.Equal("Ada Lovelace <ada@candidates.example>", mail.To);
        Assert.Equal(Message.Subject, mail.Subject);
        Assert.Equal(Message.MessageId, mail.MessageId);
        Assert.Equal(Message.TextBody, mail.Part("text/plain").Content);
        Assert.Equal(Message.HtmlBody, mail.Part("text/html").Content);
        var calendar = mail.Part("text/calendar");
        Assert.Equal("REQUEST", calendar.Params["method"]);
        Assert.Equal(Message.Invite!.Content, calendar.Content);
        var attachment = mail.Part("application/ics");
        Assert.Equal("invite.ics", attachment.Filename);
        Assert.Equal(Message.Invite.Content, attachment.Content);
    }

    [Fact]
    public async Task Send_SelfSignedCertificateNotPinned_TransientFailureAndNothingSent()
    {
        await using var smtp = await SmtpSink.StartNewAsync(_security);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(smtp.Port).SendAsync(Message, CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Contains("TLS", failure.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Send_WrongPassword_TransientFailureNamingTheUserAndNothingSent()
    {
        await using var smtp = await SmtpSink.StartNewAsync(_security);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(smtp.Port, o => (o.ServerCertificateSha256, o.Password) = (_pin, "wrong")).SendAsync(Message, CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Contains(User, failure.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Send_RecipientRefusedWith550_PermanentFailure()
    {
        await using var smtp = await SmtpSink.StartNewAsync();

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(smtp.Port, o => (o.EnableSsl, o.UserName) = (false, null)).SendAsync(Message with { ToAddress = "reject-me@candidates.example" }, CancellationToken.None));

        Assert.True(failure.IsPermanent);
        Assert.Contains("550", failure.Message, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Send_ServerAcceptsButNeverAnswers_TransientFailureAfterTheTimeout()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var send = Sender(port, o => o.TimeoutSeconds = 1).SendAsync(Message, CancellationToken.None);

            // The guard only keeps a broken timeout from hanging the run; the sender's own 1 s timeout must fire first.
            var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => send.WaitAsync(TimeSpan.FromSeconds(60)));

            Assert.False(failure.IsPermanent);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Send_PickupDirectory_WritesTheSameMessageAsAnEmlFileAndConnectsToNoServer()
    {
        var pickup = Path.Combine(_directory.Path, "mail");

        // Port 1 on loopback: a connection attempt would fail the send.
        await Sender(1, o => o.PickupDirectory = pickup).SendAsync(Message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(pickup));
        Assert.Equal("abc123@acme.example.eml", Path.GetFileName(file));
        using var mime = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("abc123@acme.example", mime.MessageId);
        Assert.Equal(Message.Subject, mime.Subject);
        Assert.Equal("ada@candidates.example", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal(Message.TextBody, mime.TextBody);
        var calendar = Assert.Single(mime.BodyParts.OfType<MimeKit.TextPart>(), p => p.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        using var decoded = new MemoryStream();
        await calendar.Content!.DecodeToAsync(decoded);

        // The bytes as sent: CRLF line ends, as RFC 5545 §3.1 and RFC 5322 §2.1 want (MimeKit's Text would show native ones).
        Assert.Equal(Message.Invite!.Content, System.Text.Encoding.UTF8.GetString(decoded.ToArray()));
    }

    [Fact]
    public async Task Send_ServerDown_CircuitOpensThenOneSendTriesAgainAfterTheBreak()
    {
        await using var smtp = await SmtpSink.CreateAsync(); // its port is chosen, nothing listens yet
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var sender = Sender(smtp.Port, o => (o.EnableSsl, o.UserName, o.CircuitBreakAfterFailures, o.CircuitBreakSeconds) = (false, null, 3, 30), time);
        for (var i = 0; i < 3; i++)
        {
            var down = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));
            Assert.Contains("unreachable", down.Message, StringComparison.Ordinal);
        }

        await smtp.StartAsync();

        // The server is back, but the circuit is open: a send that connected would be delivered.
        var open = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        await sender.SendAsync(Message, CancellationToken.None);
        await sender.SendAsync(Message with { MessageId = "<def456@acme.example>" }, CancellationToken.None);

        Assert.False(open.IsPermanent);
        Assert.Contains("not tried again for up to 30 s", open.Message, StringComparison.Ordinal);
        Assert.Equal([Message.MessageId, "<def456@acme.example>"], (await smtp.WaitForMessagesAsync(2)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Send_RecipientsRefused_CircuitStaysClosed()
    {
        await using var smtp = await SmtpSink.StartNewAsync();
        var sender = Sender(smtp.Port, o => (o.EnableSsl, o.UserName, o.CircuitBreakAfterFailures) = (false, null, 2));

        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message with { ToAddress = "reject-me@candidates.example" }, CancellationToken.None));
            Assert.True(refused.IsPermanent);
        }

        await sender.SendAsync(Message, CancellationToken.None);

        Assert.Single(await smtp.WaitForMessagesAsync(1));
    }

    [Fact]
    public async Task Send_EveryConnectionBusyAndNoRoomToWait_FailsForNowWithoutConnecting()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var sender = Sender(port, o => (o.MaxConnections, o.MaxQueuedSends) = (1, 0));
            var first = sender.SendAsync(Message, CancellationToken.None);
            using var held = await silent.AcceptSocketAsync().WaitAsync(TimeSpan.FromSeconds(30));

            var second = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Message, CancellationToken.None));
            held.Close(); // the first send fails now instead of at its timeout
            var firstFailure = await Assert.ThrowsAsync<EmailDeliveryException>(() => first.WaitAsync(TimeSpan.FromSeconds(60)));

            Assert.False(second.IsPermanent);
            Assert.Contains("sends already wait for a connection", second.Message, StringComparison.Ordinal);
            Assert.Contains("unreachable", firstFailure.Message, StringComparison.Ordinal);
            Assert.False(silent.Pending()); // the second send never connected
        }
        finally
        {
            silent.Stop();
        }
    }

    public void Dispose() => _directory.Dispose();

    private static SmtpEmailSender Sender(int port, Action<SmtpOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.Configure<SmtpOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = port;
            o.EnableSsl = true;
            o.UserName = User;
            o.Password = Password;
            o.FromAddress = "scheduler@acme.example";
            o.FromName = "Acme Scheduler";
            o.TimeoutSeconds = 10;
            configure?.Invoke(o);
        });
        return new SmtpEmailSender(services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<SmtpOptions>>(), time ?? TimeProvider.System);
    }
}
