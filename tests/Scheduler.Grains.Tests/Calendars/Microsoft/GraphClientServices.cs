using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Testing.StandIns.Microsoft;

namespace Scheduler.Grains.Tests.Calendars.Microsoft;

/// <summary>The Microsoft clients wired as a silo wires them (without a silo), against a stand-in.</summary>
internal sealed class GraphClientServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempDirectory _keys = new();

    private GraphClientServices(GraphStandIn standIn, TimeProvider time, Action<MicrosoftOptions>? configure)
    {
        StandIn = standIn;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddMicrosoftCalendar(_keys.Path, options =>
        {
            GraphSilo.Configure(options, standIn);
            configure?.Invoke(options);
        });
        _provider = services.BuildServiceProvider();
    }

    public GraphStandIn StandIn { get; }

    public MicrosoftGraphClient Graph => _provider.GetRequiredService<MicrosoftGraphClient>();

    public MicrosoftOAuthClient OAuth => _provider.GetRequiredService<MicrosoftOAuthClient>();

    public MicrosoftProvider Connector => _provider.GetRequiredService<MicrosoftProvider>();

    public static async Task<GraphClientServices> StartAsync(TimeProvider? time = null, Action<MicrosoftOptions>? configure = null)
    {
        time ??= new FakeTimeProvider(GrainTestCluster.Start);
        return new GraphClientServices(await GraphStandIn.StartAsync(time), time, configure);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await StandIn.DisposeAsync();
        _keys.Dispose();
    }
}
