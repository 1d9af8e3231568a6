using System.Net.Sockets;
using Microsoft.Extensions.Hosting;

namespace Scheduler.Providers.Tests.Hosting;

/// <summary>The <c>Add…</c>/<c>Use…</c> extensions in a real silo: registration, serializer from DI, lifecycle, validation.</summary>
public sealed class SqliteSiloBuilderExtensionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Silo_WithSqliteStorageAndReminders_KeepsStateAndRemindersAcrossRestart()
    {
        using (var host = await StartSiloAsync(_database.FilePath))
        {
            var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeGrain>("probe");
            await grain.IncrementAsync();
            Assert.Equal(2, await grain.IncrementAsync());
            await grain.RegisterReminderAsync("hourly");
            await host.StopAsync();
        }

        using (var host = await StartSiloAsync(_database.FilePath))
        {
            var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeGrain>("probe");
            Assert.Equal(2, await grain.GetAsync());
            var reminders = host.Services.GetRequiredService<IReminderTable>();
            var rows = await reminders.ReadRows(grain.GetGrainId());
            Assert.Equal("hourly", Assert.Single(rows.Reminders).ReminderName);
            await host.StopAsync();
        }

        Assert.Equal("wal", await SqliteFile.ScalarAsync(_database.FilePath, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Silo_WithoutDatabasePath_FailsToStart()
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            using var host = await StartSiloAsync(databasePath: " ");
        });

        Assert.IsType<OrleansConfigurationException>(exception);
        Assert.Contains(nameof(SqliteProviderOptions.DatabasePath), exception.Message, StringComparison.Ordinal);
    }

    private static async Task<IHost> StartSiloAsync(string databasePath)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddSqliteGrainStorageAsDefault(options => options.DatabasePath = databasePath)
            .UseSqliteReminderService(options => options.DatabasePath = databasePath));
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
