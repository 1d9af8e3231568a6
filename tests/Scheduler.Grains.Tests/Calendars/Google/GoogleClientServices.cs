using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains.Calendars.Google;
using Scheduler.Testing.StandIns.Google;

namespace Scheduler.Grains.Tests.Calendars.Google;

/// <summary>The Google clients wired as a silo wires them (without a silo), against a stand-in.</summary>
internal sealed class GoogleClientServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempDirectory _keys = new();

    private GoogleClientServices(GoogleStandIn standIn, TimeProvider time, Action<GoogleOptions>? configure)
    {
        StandIn = standIn;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddGoogleCalendar(_keys.Path, options =>
        {
            GoogleSilo.Configure(options, standIn);
            configure?.Invoke(options);
        });
        _provider = services.BuildServiceProvider();
    }

    public GoogleStandIn StandIn { get; }

    public GoogleCalendarClient Calendar => _provider.GetRequiredService<GoogleCalendarClient>();

    public GoogleOAuthClient OAuth => _provider.GetRequiredService<GoogleOAuthClient>();

    public static async Task<GoogleClientServices> StartAsync(TimeProvider? time = null, Action<GoogleOptions>? configure = null)
    {
        time ??= new FakeTimeProvider(GrainTestCluster.Start);
        return new GoogleClientServices(await GoogleStandIn.StartAsync(time), time, configure);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await StandIn.DisposeAsync();
        _keys.Dispose();
    }
}
