using System.Net;

namespace Scheduler.Providers.DynamoDB.Clustering;

/// <summary>
/// The official membership table's layout: one partition per cluster (<c>DeploymentId</c>), one
/// item per silo (<c>SiloIdentity</c> = <c>{address}-{port}-{generation}</c>) and one version item
/// (<c>SiloIdentity</c> = <c>VersionRow</c>). Times are Orleans' <see cref="LogFormatter"/> text
/// (<c>yyyy-MM-dd HH:mm:ss.fff GMT</c>); suspicions are <c>|</c>-separated lists.
/// </summary>
internal static class SiloInstanceItem
{
    public const string DeploymentId = "DeploymentId";
    public const string SiloIdentity = "SiloIdentity";
    public const string ETag = "ETag";
    public const string MembershipVersion = "MembershipVersion";
    public const string Address = "Address";
    public const string Port = "Port";
    public const string Generation = "Generation";
    public const string HostName = "HostName";
    public const string Status = "SiloStatus";
    public const string ProxyPort = "ProxyPort";
    public const string SiloName = "SiloName";
    public const string SuspectingSilos = "SuspectingSilos";
    public const string SuspectingTimes = "SuspectingTimes";
    public const string StartTime = "StartTime";
    public const string IAmAliveTime = "IAmAliveTime";

    /// <summary>The sort key of the version item.</summary>
    public const string VersionRow = "VersionRow";

    /// <summary>The table's keys; no secondary indexes.</summary>
    public static readonly DynamoDBTableSchema Schema = new(
        new DynamoDBKeyAttribute(DeploymentId, ScalarAttributeType.S),
        new DynamoDBKeyAttribute(SiloIdentity, ScalarAttributeType.S),
        []);

    /// <summary>The sort key of a silo's item.</summary>
    /// <param name="silo">The silo.</param>
    /// <returns><c>{address}-{port}-{generation}</c>.</returns>
    public static string IdentityOf(SiloAddress silo) =>
        string.Create(CultureInfo.InvariantCulture, $"{silo.Endpoint.Address}-{silo.Endpoint.Port}-{silo.Generation}");

    /// <summary>An item's primary key.</summary>
    /// <param name="clusterId">The cluster.</param>
    /// <param name="identity">The silo identity or <see cref="VersionRow"/>.</param>
    /// <returns>The key.</returns>
    public static Dictionary<string, AttributeValue> Key(string clusterId, string identity) =>
        new() { [DeploymentId] = DynamoDBRequests.S(clusterId), [SiloIdentity] = DynamoDBRequests.S(identity) };

    /// <summary>The attributes of a silo's item other than its keys and ETag.</summary>
    /// <param name="entry">The membership entry.</param>
    /// <param name="version">The table version the change belongs to.</param>
    /// <returns>Attribute name to value; optional strings that are empty map to <see langword="null"/> (to remove).</returns>
    public static Dictionary<string, AttributeValue?> Fields(MembershipEntry entry, int version)
    {
        var suspicions = entry.SuspectTimes ?? [];
        return new()
        {
            [Address] = DynamoDBRequests.S(entry.SiloAddress.Endpoint.Address.ToString()),
            [Port] = DynamoDBRequests.N(entry.SiloAddress.Endpoint.Port),
            [Generation] = DynamoDBRequests.N(entry.SiloAddress.Generation),
            [HostName] = Optional(entry.HostName),
            [Status] = DynamoDBRequests.N((int)entry.Status),
            [ProxyPort] = DynamoDBRequests.N(entry.ProxyPort),
            [SiloName] = Optional(entry.SiloName),
            [SuspectingSilos] = Optional(string.Join('|', suspicions.Select(s => s.Item1.ToParsableString()))),
            [SuspectingTimes] = Optional(string.Join('|', suspicions.Select(s => LogFormatter.PrintDate(s.Item2)))),
            [StartTime] = DynamoDBRequests.S(LogFormatter.PrintDate(entry.StartTime)),
            [IAmAliveTime] = DynamoDBRequests.S(LogFormatter.PrintDate(entry.IAmAliveTime)),
            [MembershipVersion] = DynamoDBRequests.N(version),
        };
    }

    /// <summary>Reads a silo's item back into a membership entry.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="FormatException">An attribute cannot be parsed.</exception>
    public static MembershipEntry Parse(Dictionary<string, AttributeValue> item)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Parse(item[Address].S), Int(item, Port), Int(item, Generation)),
            Status = (SiloStatus)Int(item, Status),
            ProxyPort = Int(item, ProxyPort),
            HostName = Text(item, HostName),
            SiloName = Text(item, SiloName),
            StartTime = Date(item, StartTime),
            IAmAliveTime = Date(item, IAmAliveTime),
        };
        var silos = Text(item, SuspectingSilos);
        var times = Text(item, SuspectingTimes);
        if (silos.Length > 0)
        {
            var addresses = silos.Split('|');
            var instants = times.Split('|');
            if (addresses.Length != instants.Length)
            {
                throw new FormatException($"{SuspectingSilos} has {addresses.Length} entries but {SuspectingTimes} has {instants.Length}.");
            }

            for (var i = 0; i < addresses.Length; i++)
            {
                entry.AddSuspector(SiloAddress.FromParsableString(addresses[i]), LogFormatter.ParseDate(instants[i]));
            }
        }

        return entry;
    }

    /// <summary>A number attribute as an <see cref="int"/>, 0 when absent (the version item has only keys, version and ETag).</summary>
    /// <param name="item">The item.</param>
    /// <param name="name">The attribute.</param>
    /// <returns>The value.</returns>
    public static int Int(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? int.Parse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

    private static string Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { } s ? s : string.Empty;

    private static DateTime Date(Dictionary<string, AttributeValue> item, string name) =>
        Text(item, name) is { Length: > 0 } text ? LogFormatter.ParseDate(text) : default;

    private static AttributeValue? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : DynamoDBRequests.S(value);
}
