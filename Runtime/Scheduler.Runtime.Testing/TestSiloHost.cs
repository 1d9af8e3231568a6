using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Runtime.Testing;

/// <summary>
/// An in-process silo for tests: a generic host with the silo, a <see cref="FakeTimeProvider"/>
/// and, unless configured otherwise, memory storage and memory reminders.
/// </summary>
public sealed class TestSiloHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSiloHost(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    /// <summary>The silo's clock.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo.</summary>
    public SiloHost Silo => _host.Services.GetRequiredService<SiloHost>();

    /// <summary>Builds and starts a test silo.</summary>
    /// <param name="configureSilo">Adds grains and, optionally, other storage (for example <see cref="SiloBuilder.UseSqlite"/>).</param>
    /// <param name="time">The clock to use; a new <see cref="FakeTimeProvider"/> when <see langword="null"/>.</param>
    /// <param name="configureServices">Adds services the test grains need.</param>
    /// <returns>The started silo.</returns>
    public static async Task<TestSiloHost> StartAsync(Action<SiloBuilder> configureSilo, FakeTimeProvider? time = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(configureSilo);
        time ??= new FakeTimeProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(time);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddSilo(silo =>
        {
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            configureSilo(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSiloHost(host, time);
    }

    /// <summary>Stops the silo gracefully (running turns finish, activations deactivate).</summary>
    /// <returns>A task that completes when the silo has stopped.</returns>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync();
    }

    /// <summary>Polls <paramref name="condition"/> in real time until it holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">How long to wait (real time); default 10 s.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Condition not met within {limit.TotalSeconds} s.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Stops the silo and disposes the host.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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
