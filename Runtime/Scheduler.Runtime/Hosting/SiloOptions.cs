namespace Scheduler.Runtime.Hosting;

/// <summary>Options of a silo (configuration section <c>Cluster</c> in the hosts).</summary>
public sealed class SiloOptions
{
    /// <summary>The silo-to-silo (HTTP/2) port used when <see cref="AdvertisedEndpoint"/> is not set: 5091 (the silo host serves health checks on 5090).</summary>
    public const int DefaultSiloPort = 5091;

    /// <summary>The service id: every silo and gateway of one deployment shares it; it prefixes storage keys. Default <c>scheduler</c>.</summary>
    public string ServiceId { get; set; } = "scheduler";

    /// <summary>
    /// The cluster id: the silos that form one cluster (and share one membership table partition)
    /// share it; a new deployment may use a new id while grain state, keyed by
    /// <see cref="ServiceId"/>, carries over. Default <c>default</c>.
    /// </summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>This silo's name, for logs and membership. Default: the machine name.</summary>
    public string SiloName { get; set; } = Environment.MachineName;

    /// <summary>
    /// The absolute base URL other silos and gateways call this silo on (its silo-to-silo
    /// endpoint), stored in its membership row. Default <see langword="null"/>:
    /// <c>http://{SiloName}:5091/</c>.
    /// </summary>
    public string? AdvertisedEndpoint { get; set; }

    /// <summary>How long a call may wait for its response before it fails with <see cref="TimeoutException"/>. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is deactivated (overridable per class with <see cref="CollectionAgeLimitAttribute"/>). Default 15 min.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default 1 min.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <c>OnDeactivateAsync</c> may run before its token is cancelled. Default 10 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long shutdown waits for running turns to finish. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a silo of a cluster with more than one active silo re-reads the reminder table for reminders of grains it owns (registered elsewhere, or left by a silo that stopped or died). Default 1 min.</summary>
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest delay between retries of a failed reminder delivery. Default 1 s; doubled per attempt.</summary>
    public TimeSpan ReminderRetryMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between retries of a failed reminder delivery. Default 1 min.</summary>
    public TimeSpan ReminderRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);
}
