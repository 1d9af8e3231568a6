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
    private ServerProcess? _dynalite;

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
        _dynalite = ServerProcess.Start("dynalite", "node", [cli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "20", "--deleteTableMs", "20", "--updateTableMs", "20"]);
        await _dynalite.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        Shim = DynaliteTransactionShim.Start(new Uri($"http://127.0.0.1:{port}/"), ports[1]);
        Client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await _dynalite.WaitUntilReadyAsync(AnswersAsync, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Shim?.Dispose();
        if (_dynalite is not null)
        {
            await _dynalite.DisposeAsync();
        }
    }

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName(string purpose) => $"test-{purpose}-{Guid.NewGuid():N}";

    private async Task<bool> AnswersAsync()
    {
        try
        {
            await Client.ListTablesAsync(new ListTablesRequest());
            return true;
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            return false;
        }
    }
}
