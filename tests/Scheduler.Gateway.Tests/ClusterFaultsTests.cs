using Scheduler.Gateway.Common;

namespace Scheduler.Gateway.Tests;

/// <summary>Which grain call failures are the cluster's (retried, 503) and which are not.</summary>
public sealed class ClusterFaultsTests
{
    [Fact]
    public async Task IsUnavailable_CancelledByTheCluster_Yes_CancelledByTheCaller_No()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        var byCaller = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(Timeout.Infinite, caller.Token));

        Assert.True(ClusterFaults.IsUnavailable(new OperationCanceledException("The operation was canceled.")));
        Assert.False(ClusterFaults.IsUnavailable(byCaller));
        Assert.True(ClusterFaults.IsUnavailable(new TimeoutException()));
        Assert.True(ClusterFaults.IsUnavailable(new SiloUnavailableException()));
        Assert.False(ClusterFaults.IsUnavailable(new InvalidOperationException()));
    }
}
