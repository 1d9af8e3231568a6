using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Scheduler.Testing;

/// <summary>
/// A loopback TCP relay to a server, which a test can cut: from <see cref="Cut"/> on it refuses new connections and
/// aborts the open ones, so whatever sits behind it (a silo's storage) is unreachable at once, as from a crashed process.
/// </summary>
public sealed class CuttableRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _cut = new();
    private readonly Task _accepting;

    /// <summary>Starts relaying to <paramref name="target"/> (host and port of an http URL).</summary>
    /// <param name="target">The server.</param>
    public CuttableRelay(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where to connect instead of the target.</summary>
    public Uri Url { get; }

    /// <summary>Refuses every later connection and aborts the open ones.</summary>
    public void Cut()
    {
        _cut.Cancel();
        _listener.Stop();
        foreach (var client in _open.Keys)
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting.ConfigureAwait(false);
        _cut.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_cut.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_cut.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        _open[inbound] = 0;
        _open[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(_target.Host, _target.Port, _cut.Token).ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cut.Token);
            var up = Pump(inbound, outbound, stop);
            var down = Pump(outbound, inbound, stop);
            await Task.WhenAny(up, down).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Cut, or one side went away: close both.
        }
        finally
        {
            _open.TryRemove(inbound, out _);
            _open.TryRemove(outbound, out _);
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    private static async Task Pump(TcpClient from, TcpClient to, CancellationTokenSource stop)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // The other direction or Cut ends the connection.
        }
    }
}
