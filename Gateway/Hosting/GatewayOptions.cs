using System.ComponentModel.DataAnnotations;

namespace Scheduler.Gateway.Hosting;

/// <summary>Options of the gateway process (configuration section <c>Scheduler</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>Where the embedded silo keeps its SQLite database (<c>scheduler.db</c>). Default <c>./data</c>, relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>How many batch items are validated and stored at once, 1–256. Default 32.</summary>
    [Range(1, 256)]
    public int BatchParallelism { get; set; } = 32;

    /// <summary>
    /// Whether the gateway is a cluster client (<c>Scheduler:ClusterClient=true</c>): it hosts no
    /// silo, reads the membership table of <c>Cluster:Provider</c> and sends every grain call to the
    /// silo that owns the grain, so several gateways can serve one cluster. Default
    /// <see langword="false"/>: the gateway embeds a silo and runs every call itself (one process).
    /// </summary>
    public bool ClusterClient { get; set; }

    /// <summary>Whether to load the demo tenant at startup (also the <c>--demo</c> flag). Default <see langword="false"/>.</summary>
    public bool Demo { get; set; }

    /// <summary>The address the gateway listens on when neither <c>ASPNETCORE_URLS</c> nor <c>--urls</c> is given.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Where the data protection keys that encrypt calendar credentials and OAuth state live;
    /// <see langword="null"/> (the default) uses <c>keys</c> under <see cref="DataDirectory"/>. Every
    /// gateway and silo of a cluster must share it (e.g. a mounted volume).
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>The full path of the data protection key directory.</summary>
    /// <returns>The path.</returns>
    public string GetKeysDirectory() => Path.GetFullPath(KeysDirectory ?? Path.Combine(DataDirectory, "keys"));

    /// <summary>The full path of <c>mail</c> under <see cref="DataDirectory"/>: the demo's email pickup directory when no SMTP server is configured.</summary>
    /// <returns>The path.</returns>
    public string GetMailDirectory() => Path.GetFullPath(Path.Combine(DataDirectory, "mail"));

    /// <summary>The full path of the embedded database file.</summary>
    /// <returns>The path.</returns>
    public string GetDatabasePath() => Path.GetFullPath(Path.Combine(DataDirectory, "scheduler.db"));
}
