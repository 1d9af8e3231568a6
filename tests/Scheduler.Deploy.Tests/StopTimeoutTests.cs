using Orleans.Configuration;

namespace Scheduler.Deploy.Tests;

/// <summary>Timings that must fit together: ECS waits long enough after SIGTERM for a silo to leave, and a crashed silo is declared dead before waiting calls time out.</summary>
public sealed class StopTimeoutTests
{
    /// <summary>What the process needs after the host's shutdown budget: flushing telemetry and exiting.</summary>
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(10);

    private static readonly Terraform _terraform = Terraform.Load();

    [Fact]
    public void CrashedSilo_IsDeclaredDead_BeforeWaitingCallsTimeOut()
    {
        using var silo = HostConfiguration.For("silo", _terraform);
        using var gateway = HostConfiguration.For("gateway", _terraform);
        var membership = silo.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        var siloTimeout = silo.Services.GetRequiredService<IOptions<SiloMessagingOptions>>().Value.ResponseTimeout;
        var clientTimeout = gateway.Services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout;

        // Probes go out every ProbeTimeout; NumMissedProbesLimit misses make a vote; the others see the verdict on their next table read.
        var declaredDeadWithin = (membership.ProbeTimeout * membership.NumMissedProbesLimit) + membership.TableRefreshTimeout;

        Assert.True(declaredDeadWithin < siloTimeout, $"A crashed silo is declared dead only after {declaredDeadWithin}; calls time out after {siloTimeout}.");
        Assert.Equal(siloTimeout, clientTimeout);
    }

    [Fact]
    public void SiloTask_StopTimeout_CoversTheHostShutdownTimeout()
    {
        var body = _terraform.Resource("aws_ecs_task_definition", "silo");
        var stopTimeout = TimeSpan.FromSeconds(int.Parse(Terraform.Attribute(body, "stopTimeout"), CultureInfo.InvariantCulture));
        using var silo = HostConfiguration.For("silo", _terraform);

        var shutdown = silo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        Assert.Equal(ClusterSettings.DefaultShutdownTimeout, shutdown);
        Assert.True(stopTimeout >= shutdown + ExitMargin, $"stopTimeout {stopTimeout.TotalSeconds} s leaves no room after the silo's {shutdown.TotalSeconds} s graceful shutdown.");
        Assert.True(stopTimeout <= TimeSpan.FromSeconds(120), "Fargate allows a stopTimeout of at most 120 s.");
    }
}
