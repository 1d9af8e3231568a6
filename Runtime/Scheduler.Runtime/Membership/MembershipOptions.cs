namespace Scheduler.Runtime.Membership;

/// <summary>Timings of cluster membership (configuration section <c>Cluster:Membership</c> in the hosts).</summary>
public sealed class MembershipOptions
{
    /// <summary>How often a silo writes its IAmAlive heartbeat. Default 10 s; must be positive.</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a silo reads the membership table to refresh its view and look for dead silos. Default 10 s; must be positive.</summary>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A silo whose last heartbeat (or start, before the first heartbeat) is older than this is
    /// declared dead by the first silo that notices. Default 60 s: six missed heartbeats at the
    /// default period. Keep it several times <see cref="IAmAlivePeriod"/> so that a slow store
    /// or a garbage collection pause does not kill a live silo.
    /// </summary>
    public TimeSpan DeathThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows of dead silos are removed once their last sign of life is older than this. Default 1 day.</summary>
    public TimeSpan DefunctSiloRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often a silo removes defunct rows. Default 1 hour.</summary>
    public TimeSpan DefunctSiloCleanupPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many times joining or leaving re-reads the table and retries after losing a race with another change. Default 20.</summary>
    public int MaxWriteAttempts { get; set; } = 20;
}
