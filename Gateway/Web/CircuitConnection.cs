using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Scheduler.Gateway.Web;

/// <summary>
/// Whether the browser of this circuit is connected now. Blazor keeps a circuit whose connection dropped (a tab closed
/// without unload, a phone asleep) for <c>CircuitOptions.DisconnectedCircuitRetentionPeriod</c>, 3 minutes by default;
/// <see cref="LiveRefresh"/> reads nothing while it is down and reads again on the first tick after it comes back.
/// Scoped: one per circuit, registered as its <see cref="CircuitHandler"/>; outside a circuit it stays up.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _down;

    /// <summary>Whether the browser is connected (<see langword="true"/> until the connection first drops).</summary>
    public bool IsUp => !_down;

    /// <inheritdoc />
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _down = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _down = false;
        return Task.CompletedTask;
    }
}
