using Microsoft.Extensions.Options;
using Scheduler.Runtime.Hosting;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>The identity of the silo of this process, fixed at its creation: address (name, endpoint, generation), host name and ports.</summary>
public sealed class LocalSilo
{
    private static long s_lastGeneration;

    /// <summary>
    /// Creates the identity from the silo options. The generation is the current time in Unix
    /// milliseconds (UTC), so a restart is a new member; within one process it is also strictly
    /// greater than any generation issued before, so two silos started at the same instant (tests on
    /// a fake clock, a restart within the same millisecond) never share a membership row.
    /// </summary>
    /// <param name="options">The silo options (<see cref="SiloOptions.SiloName"/>, <see cref="SiloOptions.AdvertisedEndpoint"/>).</param>
    /// <param name="time">The clock that gives the generation.</param>
    /// <exception cref="UriFormatException"><see cref="SiloOptions.AdvertisedEndpoint"/> is not an absolute URI.</exception>
    public LocalSilo(IOptions<SiloOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var silo = options.Value;
        HostName = Environment.MachineName;
        var endpoint = new Uri(silo.AdvertisedEndpoint ?? $"http://{silo.SiloName}:{SiloOptions.DefaultSiloPort}/", UriKind.Absolute);
        Address = new SiloAddress(silo.SiloName, endpoint, NextGeneration(time.GetUtcNow().ToUnixTimeMilliseconds()));
        SiloPort = endpoint.Port;
    }

    /// <summary>The silo's address.</summary>
    public SiloAddress Address { get; }

    /// <summary>The machine (or container) it runs on.</summary>
    public string HostName { get; }

    /// <summary>The port of its silo-to-silo endpoint.</summary>
    public int SiloPort { get; }

    private static long NextGeneration(long now)
    {
        while (true)
        {
            var last = Interlocked.Read(ref s_lastGeneration);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref s_lastGeneration, next, last) == last)
            {
                return next;
            }
        }
    }
}
