using System.Globalization;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Deploy.Tests;

/// <summary>Timings that must fit together: ECS waits long enough after SIGTERM for a silo to leave, and a crashed silo is replaced in placement before waiting calls time out.</summary>
public sealed class StopTimeoutTests
{
    [Fact]
    public void CrashedSilo_IsDroppedFromTheViews_BeforeWaitingCallsTimeOut()
    {
        var terraform = Terraform.Load();
        var death = TimeSpan.Parse(Unquote(terraform.VariableDefault("membership_death_threshold")), CultureInfo.InvariantCulture);
        var refresh = TimeSpan.Parse(Unquote(terraform.VariableDefault("membership_refresh_period")), CultureInfo.InvariantCulture);
        var heartbeat = TimeSpan.Parse(Unquote(terraform.VariableDefault("membership_iamalive_period")), CultureInfo.InvariantCulture);
        var callTimeout = TimeSpan.Parse(terraform.Resolve(ContainerEnvironmentTests.Value("gateway", "Cluster__CallTimeout")), CultureInfo.InvariantCulture);

        Assert.True(death + refresh < callTimeout, $"death threshold {death} + refresh {refresh} must stay below the call timeout {callTimeout}.");
        Assert.True(death >= 3 * heartbeat, $"death threshold {death} must be at least three heartbeats ({heartbeat}).");
    }

    [Fact]
    public void SiloTask_StopTimeout_CoversTheSiloShutdownBudgetAndLeave()
    {
        var body = Terraform.Load().Resource("aws_ecs_task_definition", "silo");

        var seconds = int.Parse(Terraform.Attribute(body, "stopTimeout"), CultureInfo.InvariantCulture);

        Assert.True(TimeSpan.FromSeconds(seconds) >= new SiloOptions().ShutdownTimeout + SiloHost.LeaveMargin, $"stopTimeout {seconds} s is shorter than the silo's shutdown budget plus the leave margin.");
    }

    private static string Unquote(string value) => value.Trim('"');
}
