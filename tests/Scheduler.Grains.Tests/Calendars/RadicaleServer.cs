namespace Scheduler.Grains.Tests.Calendars;

/// <summary>
/// A real Radicale CalDAV server (Debian package <c>radicale</c>) on a free loopback port with a
/// temporary storage folder. Without an htpasswd line any user name is accepted
/// (<c>auth none</c>); with it, plain htpasswd authentication. Rights: each user owns <c>/{user}/</c>.
/// </summary>
internal sealed class RadicaleServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly ServerProcess _process;
    private readonly string _folder;

    private RadicaleServer(ServerProcess process, string folder, Uri baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<RadicaleServer> StartAsync(string? htpasswd = null)
    {
        if (!await ServerProcess.SucceedsAsync(Python, "-c", "import radicale"))
        {
            throw new InvalidOperationException("The CalDAV tests need a real Radicale server: install python3 and the Debian package with `apt-get install -y radicale` (or run scripts/test-deps.sh).");
        }

        var folder = Directory.CreateTempSubdirectory("radicale-").FullName;
        var port = FreePort.Next();
        List<string> arguments =
        [
            "-m", "radicale", "--config", string.Empty,
            "--server-hosts", $"127.0.0.1:{port}",
            "--storage-filesystem-folder", Path.Combine(folder, "collections"),
            "--rights-type", "owner_only",
        ];
        if (htpasswd is null)
        {
            arguments.AddRange(["--auth-type", "none"]);
        }
        else
        {
            var file = Path.Combine(folder, "users");
            await File.WriteAllTextAsync(file, htpasswd + "\n");
            arguments.AddRange(["--auth-type", "htpasswd", "--auth-htpasswd-filename", file, "--auth-htpasswd-encryption", "plain", "--auth-delay", "0"]);
        }

        var process = ServerProcess.Start("Radicale", Python, arguments);
        var server = new RadicaleServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await process.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        return server;
    }

    public Uri CalendarUrl(string user, string name) => new(BaseUrl, $"{user}/{name}/");

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
