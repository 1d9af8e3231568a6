using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Testing;
using Scheduler.Runtime.Tests.Grains;

namespace Scheduler.Runtime.Tests;

/// <summary>Starts test silos with the test grains and a shared <see cref="Probe"/>.</summary>
internal static class TestSilos
{
    public static async Task<(TestSiloHost Host, Probe Probe)> StartAsync(Action<SiloBuilder>? configure = null, FakeTimeProvider? time = null, Probe? probe = null)
    {
        probe ??= new Probe();
        var host = await TestSiloHost.StartAsync(
            silo =>
            {
                silo.AddGrains(typeof(CounterGrain).Assembly);
                configure?.Invoke(silo);
            },
            time,
            services => services.AddSingleton(probe));
        return (host, probe);
    }
}
