using System.Net;
using System.Net.Sockets;

namespace Scheduler.Grains.Calendars.Network;

/// <summary>Classifies IP addresses for the outbound calendar policy (<see cref="CalendarSourceOptions.AllowPrivateNetworks"/>).</summary>
public static class NetworkAddresses
{
    /// <summary>
    /// Whether <paramref name="address"/> is not on the public internet: unspecified, loopback, link-local (169.254.0.0/16,
    /// fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7; RFC 1918, RFC 4193), shared (100.64.0.0/10, RFC 6598),
    /// "this network" (0.0.0.0/8), multicast or broadcast. IPv4-mapped IPv6 addresses are judged by their IPv4 address.
    /// </summary>
    /// <param name="address">The address.</param>
    /// <returns><see langword="true"/> when a calendar on it is refused by default.</returns>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC;
        }

        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || b[0] >= 224;
    }
}
