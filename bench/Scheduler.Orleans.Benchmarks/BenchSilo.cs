using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Providers;
using Scheduler.Grains.Hosting;
using Scheduler.Providers.Sqlite;
using Scheduler.Testing;

namespace Scheduler.Orleans.Benchmarks;

/// <summary>
/// An Orleans silo in this process, configured as the embedded Gateway configures its silo (generic host, system
/// clock, <c>AddSchedulerGrains</c>, default options), on loopback TCP with free ports, with the benchmark grains and
/// one default grain storage: SQLite in a temporary file unless the caller adds another. A silo started with the
/// endpoint of another as <c>primary</c> joins its cluster (Orleans' development clustering).
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TempDirectory? _directory;

    private BenchSilo(IHost host, TempDirectory? directory)
    {
        _host = host;
        _directory = directory;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>The silo's grain factory: calls from host code, as the embedded Gateway makes them.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>The default grain storage provider, as the silo configured it (options, serializer).</summary>
    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    /// <summary>Starts a silo with SQLite grain storage in a temporary directory (deleted on dispose).</summary>
    public static Task<BenchSilo> StartAsync(BenchSilo? primary = null)
    {
        var directory = new TempDirectory();
        var database = Path.Combine(directory.Path, "silo.db");
        return StartAsync(silo => silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = database), primary, directory);
    }

    /// <summary>Starts a silo whose default grain storage <paramref name="addStorage"/> registers.</summary>
    public static async Task<BenchSilo> StartAsync(Action<ISiloBuilder> addStorage, BenchSilo? primary = null, TempDirectory? directory = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var siloPort = FreePort();
        var primaryEndpoint = primary?.Address.Endpoint ?? new IPEndPoint(IPAddress.Loopback, siloPort);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, FreePort(), primaryEndpoint, "scheduler-bench", "bench");
            silo.AddSchedulerGrains();
            addStorage(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            directory?.Dispose();
            throw;
        }

        return new BenchSilo(host, directory);
    }

    /// <summary>Waits until every silo sees all of them as active (so grain directory lookups agree).</summary>
    public static async Task WaitForClusterAsync(params BenchSilo[] silos)
    {
        var started = Stopwatch.GetTimestamp();
        while (!silos.All(s => s.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == silos.Length))
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The {silos.Length} silos did not see each other within 60 s.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        _directory?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
