using Orleans.Configuration;

namespace Scheduler.Deploy.Tests;

/// <summary>scripts/cluster.sh configures Orleans through keys Orleans reads: an unknown key would be ignored silently.</summary>
public sealed partial class ClusterScriptTests
{
    private static readonly string Script = Repository.Read("scripts", "cluster.sh");

    [Fact]
    public void MembershipVariables_ClusterScript_AreClusterMembershipOptionsProperties()
    {
        var variables = MembershipExport().Matches(Script).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        Assert.NotEmpty(variables);

        var options = new ClusterMembershipOptions();
        new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build()
            .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        foreach (var (name, value) in variables)
        {
            var property = typeof(ClusterMembershipOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is { CanWrite: true }, $"Cluster__Membership__{name} is not a ClusterMembershipOptions property.");
            Assert.Equal(value, Convert.ToString(property!.GetValue(options), CultureInfo.InvariantCulture));
        }

        // A killed silo is declared dead well within the 30 s calls wait for.
        var declaredDeadWithin = (options.ProbeTimeout * options.NumMissedProbesLimit) + options.TableRefreshTimeout;
        Assert.True(declaredDeadWithin <= TimeSpan.FromSeconds(15), $"{declaredDeadWithin}");
    }

    [Fact]
    public void SiloPorts_ClusterScript_GiveEachSiloItsOwnSiloGatewayAndHealthPort()
    {
        Assert.Contains("Cluster__SiloPort=\"111${i}1\"", Script, StringComparison.Ordinal);
        Assert.Contains("Cluster__GatewayPort=\"300${i}0\"", Script, StringComparison.Ordinal);
        Assert.Contains("Urls=\"http://127.0.0.1:51${i}0\"", Script, StringComparison.Ordinal);
        Assert.Contains("Cluster__AdvertisedIPAddress=127.0.0.1", Script, StringComparison.Ordinal);
        Assert.Contains("Scheduler__ClusterClient=true", Script, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?m)^export Cluster__Membership__(?<name>\\w+)=(?<value>\\S+)$")]
    private static partial Regex MembershipExport();
}
