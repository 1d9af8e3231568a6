using Microsoft.Extensions.DependencyInjection;
using Scheduler.Grains.Calendars;

namespace Scheduler.Grains.Tests.Calendars;

/// <summary>A test silo (fake clock) with one calendar provider pointed at its stand-in, the calendar sources added.</summary>
/// <typeparam name="TStandIn">The provider's stand-in.</typeparam>
/// <param name="standIn">The started stand-in.</param>
/// <param name="host">The started silo.</param>
/// <param name="keys">The data protection keys folder, deleted with the silo.</param>
internal abstract class ProviderSilo<TStandIn>(TStandIn standIn, TestSiloHost host, TempDirectory keys) : IAsyncDisposable
    where TStandIn : IAsyncDisposable
{
    public TStandIn StandIn => standIn;

    public TestSiloHost Host => host;

    public IGrainFactory Grains => Host.GrainFactory;

    public FakeTimeProvider Time => Host.Time;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await StandIn.DisposeAsync();
        keys.Dispose();
    }

    /// <summary>Starts a silo with the calendar sources and the provider <paramref name="addProvider"/> adds (given the keys folder).</summary>
    protected static Task<TestSiloHost> StartHostAsync(FakeTimeProvider time, TempDirectory keys, Action<ISiloBuilder> configureSilo, Action<IServiceCollection, string> addProvider) =>
        TestSiloHost.StartAsync(configureSilo, time, services => addProvider(services.AddCalendarSources(CalendarServices.Configure), keys.Path));
}
