using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Scheduler.Grains.Tests.Notifications;

/// <summary>
/// A real SMTP server for tests: <c>/usr/bin/python3 -m aiosmtpd</c> (Debian <c>python3-aiosmtpd</c>) on a free
/// loopback port, with a handler that writes every accepted message as <c>.eml</c> plus a decoded <c>.json</c>
/// (envelope, headers, each MIME part) into a directory. The server can be stopped and started again on the same
/// port and directory.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string HandlerSource = """
        import email, email.policy, json, os, threading

        class Sink:
            _lock = threading.Lock()

            def __init__(self, directory):
                self.directory = directory
                self.count = 0

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0])

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
                }
                with open(os.path.join(self.directory, name + ".eml"), "wb") as f:
                    f.write(raw)
                temp = os.path.join(self.directory, name + ".tmp")
                with open(temp, "w", encoding="utf-8") as f:
                    json.dump(record, f)
                os.rename(temp, os.path.join(self.directory, name + ".json"))
                return "250 OK"
        """;

    private readonly string _root;
    private Process? _process;

    private SmtpSink(string root, int port)
    {
        _root = root;
        Port = port;
        Directory.CreateDirectory(MailDirectory);
        File.WriteAllText(Path.Combine(_root, "notify_sink.py"), HandlerSource);
    }

    public int Port { get; }

    public string MailDirectory => Path.Combine(_root, "mail");

    /// <summary>Allocates a port and a directory; the server is not running until <see cref="StartAsync"/>.</summary>
    public static async Task<SmtpSink> CreateAsync()
    {
        await RequireAiosmtpdAsync();
        var root = Path.Combine(Path.GetTempPath(), "scheduler-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new SmtpSink(root, FreePort());
    }

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = await CreateAsync();
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "notify_sink.Sink", MailDirectory },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = _root;
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(15);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with code {_process.ExitCode}.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (TimeProvider.System.GetUtcNow().UtcDateTime < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
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
        var check = new ProcessStartInfo(Python) { ArgumentList = { "-c", "import aiosmtpd" }, RedirectStandardError = true, UseShellExecute = false };
        using var process = File.Exists(Python) ? Process.Start(check) : null;
        if (process is not null)
        {
            await process.WaitForExitAsync();
        }

        if (process is null || process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                "The notification tests need a real SMTP server: install the Debian package python3-aiosmtpd " +
                "(apt-get install -y python3-aiosmtpd, or run scripts/test-deps.sh).");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

internal sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTos, string From, string To, string Subject, string MessageId, IReadOnlyList<ReceivedPart> Parts)
{
    public ReceivedPart Part(string contentType) => Parts.First(p => p.ContentType == contentType);
}

internal sealed record ReceivedPart(string ContentType, IReadOnlyDictionary<string, string> Params, string? Filename, string Content);
