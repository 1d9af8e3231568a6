using System.Net;
using System.Net.Sockets;

namespace Scheduler.Grains.Calendars.Network;

/// <summary>
/// Keeps calendar fetches off internal addresses (server-side request forgery) unless
/// <see cref="CalendarSourceOptions.AllowPrivateNetworks"/> is set: the HTTP clients of iCalendar feeds and CalDAV connect
/// through <see cref="ConnectAsync"/>, which resolves the host itself and connects only to an allowed address, so a name
/// that resolves differently later (DNS rebinding) or a redirect cannot reach one either.
/// </summary>
/// <param name="options">The calendar settings.</param>
public sealed class CalendarNetworkGuard(IOptions<CalendarSourceOptions> options) : ICalendarHostCheck
{
    /// <summary>The reason given when a host has only refused addresses.</summary>
    public const string RefusedReason = "the host is on a private, loopback or link-local network (Calendars:AllowPrivateNetworks is off)";

    /// <summary>Whether private networks are allowed.</summary>
    public bool AllowPrivateNetworks => options.Value.AllowPrivateNetworks;

    /// <inheritdoc />
    public async Task<string?> CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (AllowPrivateNetworks)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return null;
        }

        return addresses.Any(NetworkAddresses.IsPrivate) ? RefusedReason : null;
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: connects to the first allowed address of the host.</summary>
    /// <param name="context">The host and port to connect to.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The connected stream.</returns>
    /// <exception cref="HttpRequestException">Every address of the host is refused, or none could be connected.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = AllowPrivateNetworks ? addresses : [.. addresses.Where(a => !NetworkAddresses.IsPrivate(a))];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, RefusedReason);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A primary handler for a calendar client that connects through <see cref="ConnectAsync"/> within <see cref="CalendarSourceOptions.ConnectTimeout"/>.</summary>
    /// <returns>The handler.</returns>
    public SocketsHttpHandler CreateHandler() => new() { ConnectCallback = ConnectAsync, ConnectTimeout = options.Value.ConnectTimeout };
}
