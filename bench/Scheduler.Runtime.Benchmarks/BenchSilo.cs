using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scheduler.Runtime.Benchmarks;

/// <summary>
/// A silo as the Gateway hosts it (system clock, default options), with the benchmark grains and
/// either memory storage or SQLite in the given file.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host) => _host = host;

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<BenchSilo> StartAsync(string? sqlitePath = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(EchoGrain).Assembly);
            silo.UseMemoryReminders();
            if (sqlitePath is null)
            {
                silo.AddMemoryGrainStorage();
            }
            else
            {
                silo.UseSqlite(sqlitePath);
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
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
    }
}
