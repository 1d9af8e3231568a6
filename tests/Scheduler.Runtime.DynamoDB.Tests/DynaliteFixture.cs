using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Scheduler.Runtime.DynamoDB.Tests;

/// <summary>
/// A dynalite server (in-memory) on a free loopback port, started once per test class, with the
/// grain state, reminder and membership tables created and ACTIVE. Tests isolate themselves by service id.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    public const string GrainStateTable = "test-grain-state";
    public const string ReminderTable = "test-reminders";
    public const string MembershipTable = "test-membership";

    private Process? _process;

    public string ServiceUrl { get; private set; } = string.Empty;

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Scheduler.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Scheduler.sln above {AppContext.BaseDirectory}.");
    }

    public AmazonDynamoDBClient NewClient() => DynamoDbClientFactory.Create(new DynamoDbOptions { ServiceUrl = ServiceUrl, MaxErrorRetry = 2 });

    public async Task InitializeAsync()
    {
        var cli = Path.Combine(RepositoryRoot(), ".tools", "dynalite", "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"dynalite is not installed ({cli} is missing). Run scripts/test-deps.sh, which runs 'npm install --prefix .tools/dynalite dynalite@4.0.0' (needs node and npm).");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { cli, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "50", "--deleteTableMs", "50" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        ServiceUrl = $"http://127.0.0.1:{port}";
        Client = NewClient();
        await WaitUntilAnsweringAsync();
        await DynamoDbTables.EnsureTableAsync(Client, GrainStateTable, TimeProvider.System, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        await DynamoDbTables.EnsureTableAsync(Client, ReminderTable, TimeProvider.System, TimeSpan.FromSeconds(30), null, CancellationToken.None);
        await DynamoDbTables.EnsureTableAsync(Client, MembershipTable, TimeProvider.System, TimeSpan.FromSeconds(30), null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
                if (_process!.HasExited)
                {
                    throw new InvalidOperationException($"dynalite exited with code {_process.ExitCode}.", e);
                }

                await Task.Delay(100);
            }
        }
    }
}
