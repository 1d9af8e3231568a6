using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>
/// A real Radicale CalDAV server (Debian package <c>radicale</c>) on a free loopback port with a
/// temporary storage folder. Without an htpasswd line any user name is accepted
/// (<c>auth none</c>); with it, plain htpasswd authentication. Rights: each user owns <c>/{user}/</c>.
/// </summary>
internal sealed class RadicaleServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly string _folder;

    private RadicaleServer(Process process, string folder, Uri baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<RadicaleServer> StartAsync(string? htpasswd = null)
    {
        await EnsureInstalledAsync();
        var folder = Directory.CreateTempSubdirectory("radicale-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-m", "radicale", "--config", string.Empty,
            "--server-hosts", $"127.0.0.1:{port}",
            "--storage-filesystem-folder", Path.Combine(folder, "collections"),
            "--rights-type", "owner_only",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (htpasswd is null)
        {
            start.ArgumentList.Add("--auth-type");
            start.ArgumentList.Add("none");
        }
        else
        {
            var file = Path.Combine(folder, "users");
            await File.WriteAllTextAsync(file, htpasswd + "\n");
            foreach (var argument in new[] { "--auth-type", "htpasswd", "--auth-htpasswd-filename", file, "--auth-htpasswd-encryption", "plain", "--auth-delay", "0" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Radicale did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RadicaleServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await server.WaitUntilListeningAsync(port);
        return server;
    }

    public Uri CalendarUrl(string user, string name) => new(BaseUrl, $"{user}/{name}/");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task EnsureInstalledAsync()
    {
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import radicale"]) { RedirectStandardError = true, UseShellExecute = false });
        if (check is null)
        {
            throw new InvalidOperationException($"{Python} is missing: install python3 and radicale (apt-get install -y radicale, or scripts/test-deps.sh).");
        }

        await check.WaitForExitAsync();
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException("The CalDAV tests need a real Radicale server: install the Debian package with `apt-get install -y radicale` (or run scripts/test-deps.sh).");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Radicale exited with code {_process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (TimeProvider.System.GetUtcNow().UtcDateTime < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
