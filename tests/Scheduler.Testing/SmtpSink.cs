using System.Text.Json;

namespace Scheduler.Testing;

/// <summary>
/// A real SMTP server for tests: aiosmtpd (Debian <c>python3-aiosmtpd</c>) on a free loopback port, with a handler
/// that writes every accepted message as <c>.eml</c> plus a decoded <c>.json</c> (envelope, headers, each MIME part,
/// whether the session was TLS and authenticated) into a directory. It can require STARTTLS and AUTH
/// (<see cref="SmtpSinkSecurity"/>). The server can be stopped and started again on the same port and directory.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    /// <summary>
    /// The server: aiosmtpd's <c>SMTP</c> protocol on an asyncio listener, with this handler. A recipient whose local
    /// part starts with <c>reject</c> is refused with 550. With a certificate, STARTTLS is required; with a user
    /// name, AUTH (PLAIN or LOGIN, over TLS) is required.
    /// </summary>
    private const string ServerSource = """
        import asyncio, email, email.policy, json, os, ssl, sys, threading
        from aiosmtpd.smtp import SMTP, AuthResult

        class Sink:
            _lock = threading.Lock()

            def __init__(self, directory):
                self.directory = directory
                self.count = 0

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.split("@")[0].startswith("reject"):
                    return "550 5.1.1 No such user"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                with Sink._lock:
                    self.count += 1
                    name = "%d-%06d" % (os.getpid(), self.count)
                raw = envelope.original_content or envelope.content
                message = email.message_from_bytes(raw, policy=email.policy.default)
                parts = []
                for part in message.walk():
                    if part.is_multipart():
                        continue
                    payload = part.get_payload(decode=True) or b""
                    parts.append({
                        "contentType": part.get_content_type(),
                        "params": {k: v for k, v in (part.get_params() or [])[1:]},
                        "filename": part.get_filename(),
                        "content": payload.decode(part.get_content_charset() or "utf-8", "replace"),
                    })
                record = {
                    "mailFrom": envelope.mail_from,
                    "rcptTos": envelope.rcpt_tos,
                    "from": str(message["From"]),
                    "to": str(message["To"]),
                    "subject": str(message["Subject"]),
                    "messageId": str(message["Message-ID"]),
                    "parts": parts,
                    "tls": session.ssl is not None,
                    "authenticated": bool(session.authenticated),
                }
                with open(os.path.join(self.directory, name + ".eml"), "wb") as f:
                    f.write(raw)
                temp = os.path.join(self.directory, name + ".tmp")
                with open(temp, "w", encoding="utf-8") as f:
                    json.dump(record, f)
                os.rename(temp, os.path.join(self.directory, name + ".json"))
                return "250 OK"

        def main():
            port, directory, cert, key, user, password = sys.argv[1:7]
            handler = Sink(directory)
            tls = None
            if cert:
                tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                tls.load_cert_chain(cert, key)

            def authenticate(server, session, envelope, mechanism, data):
                ok = data.login.decode() == user and data.password.decode() == password
                return AuthResult(success=ok, handled=False)

            def protocol():
                return SMTP(handler, hostname="sink.test", tls_context=tls, require_starttls=tls is not None,
                            authenticator=authenticate if user else None, auth_required=bool(user),
                            auth_require_tls=tls is not None)

            loop = asyncio.new_event_loop()
            loop.run_until_complete(loop.create_server(protocol, "127.0.0.1", int(port)))
            loop.run_forever()

        main()
        """;

    private readonly string _root;
    private ServerProcess? _process;

    private readonly SmtpSinkSecurity? _security;

    private SmtpSink(string root, int port, SmtpSinkSecurity? security)
    {
        _root = root;
        _security = security;
        Port = port;
        Directory.CreateDirectory(MailDirectory);
        File.WriteAllText(ServerPath, ServerSource);
    }

    public int Port { get; }

    public string MailDirectory => Path.Combine(_root, "mail");

    private string ServerPath => Path.Combine(_root, "smtp_sink.py");

    /// <summary>Allocates a port and a directory; the server is not running until <see cref="StartAsync"/>.</summary>
    /// <param name="security">STARTTLS and AUTH to require, or <see langword="null"/> for neither.</param>
    public static async Task<SmtpSink> CreateAsync(SmtpSinkSecurity? security = null)
    {
        await RequireAiosmtpdAsync();
        var root = Path.Combine(Path.GetTempPath(), "scheduler-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new SmtpSink(root, FreePort.Next(), security);
    }

    public static async Task<SmtpSink> StartNewAsync(SmtpSinkSecurity? security = null)
    {
        var sink = await CreateAsync(security);
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        _process = ServerProcess.Start("aiosmtpd", Python, [
            ServerPath,
            Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MailDirectory,
            _security?.CertificatePath ?? string.Empty,
            _security?.KeyPath ?? string.Empty,
            _security?.UserName ?? string.Empty,
            _security?.Password ?? string.Empty,
        ]);
        await _process.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(15));
    }

    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await process.DisposeAsync();
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages() =>
        [.. Directory.GetFiles(MailDirectory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ReceivedMail>(File.ReadAllText(f), JsonSerializerOptions.Web)!)];

    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count)
    {
        await TestSiloHost.WaitUntilAsync(() => Directory.GetFiles(MailDirectory, "*.json").Length >= count, TimeSpan.FromSeconds(20));
        return Messages();
    }

    /// <summary>Waits (at most a minute) for a received message that <paramref name="match"/> accepts, and returns the first such.</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match)
    {
        ReceivedMail? found = null;
        await TestSiloHost.WaitUntilAsync(() => (found = Messages().FirstOrDefault(match)) is not null, TimeSpan.FromMinutes(1));
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task RequireAiosmtpdAsync()
    {
        if (!await ServerProcess.SucceedsAsync(Python, "-c", "import aiosmtpd"))
        {
            throw new InvalidOperationException(
                "The notification tests need a real SMTP server: install the Debian package python3-aiosmtpd " +
                "(apt-get install -y python3-aiosmtpd, or run scripts/test-deps.sh).");
        }
    }
}

/// <summary>STARTTLS with this certificate (PEM files) and AUTH with these credentials, both required.</summary>
internal sealed record SmtpSinkSecurity(string CertificatePath, string KeyPath, string UserName, string Password);

internal sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTos, string From, string To, string Subject, string MessageId, IReadOnlyList<ReceivedPart> Parts, bool Tls, bool Authenticated)
{
    public ReceivedPart Part(string contentType) => Parts.First(p => p.ContentType == contentType);
}

internal sealed record ReceivedPart(string ContentType, IReadOnlyDictionary<string, string> Params, string? Filename, string Content);
