using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scheduler.Runtime.Hosting;

namespace Scheduler.Runtime.Tests.Execution;

/// <summary>The host gives a stopping silo its deactivation budget plus time to leave membership.</summary>
public sealed class ShutdownTimeoutTests
{
    [Fact]
    public void HostShutdownTimeout_Default_IsTheSiloBudgetPlusTheLeaveMargin()
    {
        using var services = new ServiceCollection().AddLogging().AddSilo(_ => { }).BuildServiceProvider();

        Assert.Equal(TimeSpan.FromSeconds(30) + SiloHost.LeaveMargin, services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void HostShutdownTimeout_FollowsALongerSiloBudget_AndKeepsALongerHostSetting()
    {
        using var longer = new ServiceCollection().AddLogging().AddSilo(silo => silo.Configure(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2))).BuildServiceProvider();
        using var hostLonger = new ServiceCollection().AddLogging()
            .Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(5))
            .AddSilo(_ => { }).BuildServiceProvider();

        Assert.Equal(TimeSpan.FromMinutes(2) + SiloHost.LeaveMargin, longer.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), hostLonger.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
