using System.Diagnostics;
using System.Globalization;
using Scheduler.Testing;
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
    private readonly Process _process;

    private ChaosSilo(string name, Process process, int siloPort)
    {
        Name = name;
        _process = process;
        SiloPort = siloPort;
    }

    public string Name { get; }

    /// <summary>The silo port it advertises (with 127.0.0.1): how it is found among the cluster's hosts.</summary>
    public int SiloPort { get; }

    /// <summary>Starts a silo of <paramref name="cluster"/> and waits until its <c>/health/ready</c> says it is active.</summary>
    public static async Task<ChaosSilo> StartAsync(string name, ChaosCluster cluster, string dataDirectory)
    {
        var ports = FreePort.Take(3);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiloAssembly());
        var environment = cluster.Settings(cluster.ServiceUrl);
        environment["Cluster:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture);
        environment["Cluster:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        environment["Cluster:AdvertisedIPAddress"] = "127.0.0.1";
        environment["Urls"] = $"http://127.0.0.1:{ports[2]}";
        environment["Scheduler:DataDirectory"] = Path.Combine(dataDirectory, name);
        environment["Scheduler:KeysDirectory"] = Path.Combine(dataDirectory, "keys");
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new StreamWriter(Path.Combine(dataDirectory, $"{name}.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new ChaosSilo(name, process, ports[0]);
        await silo.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{ports[2]}/health/ready"), log);
        return silo;
    }

    /// <summary>Kills the process (SIGKILL), as a crash does.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    /// <summary>Silo/bin/{configuration}/{framework}/Scheduler.Silo.dll, of the configuration the tests were built in.</summary>
    private static string SiloAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var path = Path.Combine(DynaliteFixture.RepositoryRoot(), "Silo", "bin", configuration, framework, "Scheduler.Silo.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the tests (they build the Silo).");
    }

    private async Task WaitUntilReadyAsync(Uri ready, StreamWriter log)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await Health.GetAsync(ready);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                await log.FlushAsync();
                throw new ChaosSiloExitedException($"{Name} exited before it was ready (code {_process.ExitCode}).");
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                await log.FlushAsync();
                throw new InvalidOperationException($"{Name} did not become ready within 1 min; see its log.");
            }

            await Task.Delay(200);
        }
    }
}
