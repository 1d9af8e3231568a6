using System.Net;
using System.Net.Sockets;

namespace Scheduler.Testing;

/// <summary>Free TCP ports on loopback, for servers a test starts.</summary>
public static class LoopbackPorts
{
    /// <summary>Distinct free loopback ports: the listeners stay open until all are chosen, so no port is handed out twice.</summary>
    /// <param name="count">How many ports.</param>
    /// <returns>The ports.</returns>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
