namespace Scheduler.Deploy.Tests;

/// <summary>The <c>Cluster</c> section as a silo host reads it: defaults, the default placement, and errors that name the key.</summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void NoDefaultPlacement_KeepsOrleansResourceOptimizedPlacement()
    {
        using var host = Silo([]);

        Assert.IsType<ResourceOptimizedPlacement>(host.Services.GetRequiredService<PlacementStrategy>());
    }

    [Theory]
    [InlineData("Random", typeof(RandomPlacement))]
    [InlineData("PreferLocal", typeof(PreferLocalPlacement))]
    [InlineData("ActivationCountBased", typeof(ActivationCountBasedPlacement))]
    [InlineData("ResourceOptimized", typeof(ResourceOptimizedPlacement))]
    public void DefaultPlacement_ReplacesOrleansDefault(string value, Type expected)
    {
        using var host = Silo(new() { ["Cluster:DefaultPlacement"] = value });

        Assert.IsType(expected, host.Services.GetRequiredService<PlacementStrategy>());
    }

    [Fact]
    public void UnknownDefaultPlacement_FailsNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Silo(new() { ["Cluster:DefaultPlacement"] = "Nearest" }));

        Assert.Contains("Cluster:DefaultPlacement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSiloAndGatewayPort_FailsNamingBothKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Silo(new() { ["Cluster:SiloPort"] = "20000", ["Cluster:GatewayPort"] = "20000" }));

        Assert.Contains("Cluster:SiloPort", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster:GatewayPort", error.Message, StringComparison.Ordinal);
    }

    private static IHost Silo(Dictionary<string, string?> values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddSchedulerSilo(Path.Combine(Path.GetTempPath(), "unused.db"));
        return builder.Build();
    }
}
