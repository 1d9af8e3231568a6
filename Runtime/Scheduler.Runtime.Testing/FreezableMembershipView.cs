using Microsoft.Extensions.DependencyInjection;
using Scheduler.Runtime.Membership;

namespace Scheduler.Runtime.Testing;

/// <summary>
/// A silo's membership view that a test can freeze: while frozen, <see cref="Current"/> stays the
/// snapshot taken at <see cref="Freeze"/> and no <see cref="Changed"/> event is raised, although the
/// silo's <see cref="MembershipAgent"/> keeps heartbeating and reading the table. Placement, routing,
/// activation hand-over and reminder ownership all use this view, so a frozen silo behaves exactly
/// like a silo whose view lags behind the cluster's (the split that a slow table read or a network
/// partition causes). <see cref="Thaw"/> returns to the agent's view and raises <see cref="Changed"/>.
/// </summary>
public sealed class FreezableMembershipView : IClusterMembershipView, IDisposable
{
    private readonly MembershipAgent _agent;
    private ClusterMembershipSnapshot? _frozen;

    /// <summary>Wraps the silo's membership agent.</summary>
    /// <param name="agent">The agent that reads the membership table.</param>
    public FreezableMembershipView(MembershipAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        _agent = agent;
        _agent.Changed += OnAgentChanged;
    }

    /// <inheritdoc />
    public event EventHandler<ClusterMembershipSnapshot>? Changed;

    /// <inheritdoc />
    public ClusterMembershipSnapshot Current => Volatile.Read(ref _frozen) ?? _agent.Current;

    /// <summary>Whether the view is frozen.</summary>
    public bool IsFrozen => Volatile.Read(ref _frozen) is not null;

    /// <summary>
    /// Registers the view as the silo's <see cref="IClusterMembershipView"/> (and as itself, to reach
    /// <see cref="Freeze"/>). Call it in the services callback of <see cref="TestCluster.StartAsync"/>,
    /// which runs before the silo registers its own view.
    /// </summary>
    /// <param name="services">One silo's services.</param>
    public static void Install(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<FreezableMembershipView>();
        services.AddSingleton<IClusterMembershipView>(sp => sp.GetRequiredService<FreezableMembershipView>());
    }

    /// <summary>Freezes the view as it is now.</summary>
    /// <exception cref="InvalidOperationException">It is already frozen.</exception>
    public void Freeze()
    {
        if (Interlocked.CompareExchange(ref _frozen, _agent.Current, null) is not null)
        {
            throw new InvalidOperationException("The view is already frozen.");
        }
    }

    /// <summary>Returns to the agent's current view and raises <see cref="Changed"/> with it (on a thread-pool thread, as the agent does).</summary>
    public void Thaw()
    {
        if (Interlocked.Exchange(ref _frozen, null) is null)
        {
            return;
        }

        var current = _agent.Current;
        ThreadPool.QueueUserWorkItem(static s => s.self.Changed?.Invoke(s.self, s.current), (self: this, current), preferLocal: false);
    }

    /// <summary>Stops following the agent.</summary>
    public void Dispose() => _agent.Changed -= OnAgentChanged;

    private void OnAgentChanged(object? sender, ClusterMembershipSnapshot view)
    {
        if (!IsFrozen)
        {
            Changed?.Invoke(this, view);
        }
    }
}
