using System.Globalization;
using Scheduler.Testing.DynamoDB;

namespace Scheduler.Cluster.Tests;

/// <summary>
/// One silo of the chaos cluster: a process of the Silo host (Silo/Program.cs, built with the tests) configured
/// through the environment as scripts/cluster.sh configures it, with its own silo, gateway and health ports.
/// <see cref="Kill"/> kills the process (SIGKILL): it writes nothing more, so the others must detect its death.
/// </summary>
public sealed class ChaosSilo : IAsyncDisposable
{
    private static readonly HttpClient Health = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ServerProcess _process;

    private ChaosSilo(string name, ServerProcess process, int siloPort)
    {
        Name = name;
        _process = process;
        SiloPort = siloPort;
    }

    public string Name { get; }

    /// <summary>The silo port it advertises (with 127.0.0.1): how it is found among the cluster's hosts.</summary>
    public int SiloPort { get; }

    /// <summary>Starts a silo of <paramref name="cluster"/> and waits until its <c>/health/ready</c> says it is active.</summary>
    /// <exception cref="ServerExitedException">The process exited before it was ready.</exception>
    public static async Task<ChaosSilo> StartAsync(string name, ChaosCluster cluster, string dataDirectory)
    {
        var ports = FreePort.Take(3);
        var environment = cluster.Settings(cluster.ServiceUrl);
        environment["Cluster:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture);
        environment["Cluster:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        environment["Cluster:AdvertisedIPAddress"] = "127.0.0.1";
        environment["Urls"] = $"http://127.0.0.1:{ports[2]}";
        environment["Scheduler:DataDirectory"] = Path.Combine(dataDirectory, name);
        environment["Scheduler:KeysDirectory"] = Path.Combine(dataDirectory, "keys");
        var log = new StreamWriter(Path.Combine(dataDirectory, $"{name}.log")) { AutoFlush = true };
        var process = ServerProcess.Start(name, "dotnet", [SiloAssembly()], environment.ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value), log);
        var ready = new Uri($"http://127.0.0.1:{ports[2]}/health/ready");
        await process.WaitUntilReadyAsync(() => IsReadyAsync(ready), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));
        return new ChaosSilo(name, process, ports[0]);
    }

    /// <summary>Kills the process (SIGKILL), as a crash does.</summary>
    public void Kill() => _process.Kill();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>Silo/bin/{configuration}/{framework}/Scheduler.Silo.dll, of the configuration the tests were built in.</summary>
    private static string SiloAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var path = Path.Combine(DynaliteFixture.RepositoryRoot(), "Silo", "bin", configuration, framework, "Scheduler.Silo.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the tests (they build the Silo).");
    }

    private static async Task<bool> IsReadyAsync(Uri ready)
    {
        try
        {
            using var response = await Health.GetAsync(ready);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet.
            return false;
        }
    }
}
