using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Scheduler.Testing.DynamoDB;

/// <summary>
/// One in-memory dynalite server for all DynamoDB tests, behind a <see cref="DynaliteTransactionShim"/>
/// (dynalite lacks transactions and TTL settings). Tests isolate themselves by service id, cluster
/// id or table name; the providers create their tables as in production (<c>CreateIfNotExists</c>).
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private Process? _dynalite;

    /// <summary>The endpoint the providers use: the shim in front of dynalite.</summary>
    public string ServiceUrl => Shim.Url;

    public DynaliteTransactionShim Shim { get; private set; } = null!;

    /// <summary>A client for direct reads and writes (through the shim), to check what the providers stored.</summary>
    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Scheduler.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Scheduler.slnx above {AppContext.BaseDirectory}.");
    }

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(RepositoryRoot(), ".tools", "dynalite", "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"dynalite is not installed ({cli} is missing). Run scripts/test-deps.sh (needs node and npm).");
        }

        var ports = FreePort.Take(2);
        var port = ports[0];
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "20", "--deleteTableMs", "20", "--updateTableMs", "20" })
        {
            start.ArgumentList.Add(argument);
        }

        _dynalite = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _dynalite.OutputDataReceived += (_, _) => { };
        _dynalite.ErrorDataReceived += (_, _) => { };
        _dynalite.BeginOutputReadLine();
        _dynalite.BeginErrorReadLine();
        await WaitUntilListeningAsync(port);
        Shim = DynaliteTransactionShim.Start(new Uri($"http://127.0.0.1:{port}/"), ports[1]);
        Client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await WaitUntilAnsweringAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Shim?.Dispose();
        if (_dynalite is not null)
        {
            if (!_dynalite.HasExited)
            {
                _dynalite.Kill(entireProcessTree: true);
            }

            await _dynalite.WaitForExitAsync();
            _dynalite.Dispose();
        }
    }

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName(string purpose) => $"test-{purpose}-{Guid.NewGuid():N}";

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_dynalite!.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Client.ListTablesAsync(new ListTablesRequest());
                return;
            }
            catch (Exception e) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && e is not ObjectDisposedException)
            {
                if (_dynalite!.HasExited)
                {
                    throw new InvalidOperationException($"dynalite exited with code {_dynalite.ExitCode}.", e);
                }

                await Task.Delay(100);
            }
        }
    }
}
