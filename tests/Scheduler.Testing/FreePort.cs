using System.Net;
using System.Net.Sockets;

namespace Scheduler.Testing;

/// <summary>Free TCP ports on loopback for servers a test starts.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port that was free a moment ago and was not handed out before in this process.</summary>
    /// <returns>The port.</returns>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Handed)
            {
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
