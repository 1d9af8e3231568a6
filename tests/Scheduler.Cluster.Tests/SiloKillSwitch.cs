namespace Scheduler.Cluster.Tests;

/// <summary>
/// The moment a test silo dies. <c>TestCluster.KillSiloAsync</c> stops a silo inside the test
/// process: it writes no membership row, but the turns it is running still finish (a stopping silo
/// drains its activations). A killed process writes nothing more, so once tripped the silo's grain
/// storage and reminder table fail every operation (<see cref="KillableGrainStorage"/>,
/// <see cref="KillableReminderTable"/>): whatever its leftover turns try to persist is lost, as in a
/// crash. Calls those turns already make to other silos still arrive, like messages sent just before
/// a crash.
/// </summary>
public sealed class SiloKillSwitch
{
    private volatile bool _tripped;

    /// <summary>Whether the silo is dead.</summary>
    public bool IsTripped => _tripped;

    /// <summary>Kills the silo's access to storage, for good.</summary>
    public void Trip() => _tripped = true;

    /// <summary>Throws when the silo is dead.</summary>
    /// <exception cref="InvalidOperationException">The switch was tripped.</exception>
    public void ThrowIfTripped()
    {
        if (_tripped)
        {
            throw new InvalidOperationException("The silo was killed: it reaches no storage.");
        }
    }
}
