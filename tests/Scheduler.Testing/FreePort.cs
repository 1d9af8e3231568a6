using System.Net.Sockets;

namespace Scheduler.Testing;

/// <summary>
/// Free TCP ports on loopback for servers a test starts. A port is handed out at most once per process, so tests
/// running in parallel never get the same one.
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A port that was free a moment ago and was not handed out before in this process.</summary>
    /// <returns>The port.</returns>
    public static int Next() => Take(1)[0];

    /// <summary>Distinct ports that were free a moment ago and were not handed out before in this process.</summary>
    /// <param name="count">How many ports, at least 1.</param>
    /// <returns>The ports.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public static int[] Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var ports = new List<int>(count);
        while (ports.Count < count)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Handed)
            {
                if (Handed.Add(port))
                {
                    ports.Add(port);
                }
            }
        }

        return [.. ports];
    }
}
