using System.Text.Json.Serialization;
using Scheduler.Runtime.Placement;

namespace Scheduler.Runtime.Membership;

/// <summary>One silo's row in the membership table.</summary>
/// <param name="Silo">The silo (name, endpoint, generation); name and generation identify the row.</param>
/// <param name="Status">Its status.</param>
/// <param name="HostName">The host (machine or task) it runs on, for operators.</param>
/// <param name="SiloPort">The TCP port of its silo-to-silo endpoint (1–65535), or 0 when it has none.</param>
/// <param name="GatewayPort">The TCP port gateways and clients call it on (1–65535), or 0 when it has none.</param>
/// <param name="StartTime">When the silo started (UTC).</param>
/// <param name="IAmAliveTime">The last heartbeat it wrote (UTC); equals <paramref name="StartTime"/> until the first one.</param>
/// <param name="Suspicions">Suspicions other silos recorded against it, oldest first; empty for none.</param>
public sealed record MembershipEntry(
    SiloAddress Silo,
    SiloMembershipStatus Status,
    string HostName,
    int SiloPort,
    int GatewayPort,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    IReadOnlyList<SuspectVote> Suspicions)
{
    /// <summary>The key of a silo's row: <c>{name}@{generation}</c>.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return FormattableString.Invariant($"{silo.Name}@{silo.Generation}");
    }

    /// <summary>The later of the start time and the last heartbeat (UTC): the last moment the silo is known to have been alive. Derived, not stored.</summary>
    [JsonIgnore]
    public DateTimeOffset LastAlive => IAmAliveTime > StartTime ? IAmAliveTime : StartTime;
}
