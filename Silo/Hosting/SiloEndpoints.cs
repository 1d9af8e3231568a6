using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Silo.Hosting;

/// <summary>
/// The silo host's two Kestrel endpoints: the HTTP/1.1 addresses of <c>Urls</c> (health checks),
/// and the HTTP/2-only port other silos and gateways send grain calls to (h2c, prior knowledge;
/// Kestrel accepts h2c only on an endpoint whose protocols are HTTP/2 alone). The call port is the
/// port of <c>Cluster:AdvertisedEndpoint</c>, or <see cref="SiloOptions.DefaultSiloPort"/>; it
/// listens on every interface, because the advertised address is the task's or machine's own.
/// Kestrel logs that these endpoints override <c>Urls</c> at start; that is expected.
/// </summary>
public static class SiloEndpoints
{
    /// <summary>The addresses served when <c>Urls</c> is not set: <c>http://localhost:5090</c>.</summary>
    public const string DefaultUrls = "http://localhost:5090";

    /// <summary>Listens on the health addresses and the silo call port.</summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The silo call port.</returns>
    /// <exception cref="InvalidOperationException">A <c>Urls</c> entry is not an <c>http://host:port</c> address, or the call port is also a health port.</exception>
    public static int Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var urls = builder.Configuration["urls"];
        var health = (string.IsNullOrWhiteSpace(urls) ? DefaultUrls : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .ToList();
        var callPort = CallPort(builder.Configuration["Cluster:AdvertisedEndpoint"]);
        if (health.Any(h => h.Port == callPort))
        {
            throw new InvalidOperationException($"The silo call port {callPort} (Cluster:AdvertisedEndpoint) is also in Urls; give the health checks another port.");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (host, port) in health)
            {
                if (host is "+" or "*" or "0.0.0.0" or "[::]")
                {
                    kestrel.ListenAnyIP(port);
                }
                else if (host == "localhost")
                {
                    kestrel.ListenLocalhost(port);
                }
                else
                {
                    kestrel.Listen(IPAddress.Parse(host.Trim('[', ']')), port);
                }
            }

            kestrel.ListenAnyIP(callPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        return callPort;
    }

    private static int CallPort(string? advertised) =>
        string.IsNullOrWhiteSpace(advertised) ? SiloOptions.DefaultSiloPort : new Uri(advertised, UriKind.Absolute).Port;

    private static (string Host, int Port) Parse(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"Urls entry '{url}' must be http://host:port (host: localhost, an IP address, + or *).", exception);
        }

        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase) || address.IsUnixPipe || address.Port < 0
            || (address.Host is not ("+" or "*" or "localhost") && !IPAddress.TryParse(address.Host.Trim('[', ']'), out _)))
        {
            throw new InvalidOperationException($"Urls entry '{url}' must be http://host:port with localhost, an IP address, + or * as host.");
        }

        return (address.Host, address.Port);
    }
}
