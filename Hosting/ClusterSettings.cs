using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Scheduler.Hosting;

/// <summary>
/// The <c>Cluster</c> configuration section: which store the cluster uses, its ids and this silo's endpoints. Orleans'
/// own options are bound from sub-sections: <c>Cluster:Membership</c> (<c>ClusterMembershipOptions</c>, failure
/// detection), <c>Cluster:Messaging</c> (<c>SiloMessagingOptions</c>, e.g. <c>ResponseTimeout</c>),
/// <c>Cluster:Collection</c> (<c>GrainCollectionOptions</c>, idle activations) and <c>Cluster:DynamoDB</c>.
/// </summary>
public sealed class ClusterSettings : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cluster";

    /// <summary>The store; <see cref="ClusterProvider.Sqlite"/> by default.</summary>
    public ClusterProvider Provider { get; set; } = ClusterProvider.Sqlite;

    /// <summary>The service id: stable across deployments, it scopes stored grain state and reminders.</summary>
    [Required]
    public string ServiceId { get; set; } = "scheduler";

    /// <summary>The cluster id: the silos (and clients) of one deployment share it.</summary>
    [Required]
    public string ClusterId { get; set; } = "default";

    /// <summary>The TCP port of silo-to-silo traffic, 1–65535; Orleans' default 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The TCP port clients (cluster-client gateways) connect to, 1–65535; Orleans' default 30000. The embedded silo opens none.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address other silos and clients reach this silo at (on Fargate: the task's, from the ECS metadata); <see langword="null"/> for loopback with SQLite, or the host's first address with DynamoDB.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>The placement of grain types that choose none; <see cref="ClusterPlacement.ResourceOptimized"/> by default.</summary>
    public ClusterPlacement DefaultPlacement { get; set; } = ClusterPlacement.ResourceOptimized;

    /// <summary>
    /// How long a silo host may take to stop (the host's <c>ShutdownTimeout</c>): Orleans stops the silo gracefully on
    /// host stop (SIGTERM), deactivating its grains and marking it dead in the membership table, unless this runs out
    /// first. Default 45 s; an orchestrator must wait longer than this before it kills the process (ECS <c>stopTimeout</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = DefaultShutdownTimeout;

    /// <summary>The default of <see cref="ShutdownTimeout"/>: 45 s.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(45);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdvertisedIPAddress is { } address && !IPAddress.TryParse(address, out _))
        {
            yield return new ValidationResult($"Cluster:AdvertisedIPAddress '{address}' is not an IP address.", [nameof(AdvertisedIPAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"Cluster:SiloPort and Cluster:GatewayPort must differ (both {SiloPort}).", [nameof(SiloPort), nameof(GatewayPort)]);
        }
    }
}
