using System.Globalization;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Deploy.Tests;

/// <summary>ECS waits long enough after SIGTERM for a silo to deactivate its grains and leave membership before it kills the task.</summary>
public sealed class StopTimeoutTests
{
    [Fact]
    public void SiloTask_StopTimeout_CoversTheSiloShutdownBudgetAndLeave()
    {
        var body = Terraform.Load().Resource("aws_ecs_task_definition", "silo");

        var seconds = int.Parse(Terraform.Attribute(body, "stopTimeout"), CultureInfo.InvariantCulture);

        Assert.True(TimeSpan.FromSeconds(seconds) >= new SiloOptions().ShutdownTimeout + SiloHost.LeaveMargin, $"stopTimeout {seconds} s is shorter than the silo's shutdown budget plus the leave margin.");
    }
}
