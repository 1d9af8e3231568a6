namespace Scheduler.Cluster.Tests;

/// <summary>
/// The chaos test's cluster: silo processes (<see cref="ChaosSilo"/>) sharing a fresh service id on dynalite (behind
/// the transaction shim), with failure detection tuned so a killed silo is declared dead within a few seconds.
/// </summary>
public sealed class ChaosCluster(string serviceUrl, string dataDirectory) : IAsyncDisposable
{
    private readonly List<ChaosSilo> _silos = [];
    private int _started;

    /// <summary>The service id (prefix of grain state and reminder keys).</summary>
    public string ServiceId { get; } = $"chaos-{Guid.NewGuid():N}";

    /// <summary>The cluster id (membership partition).</summary>
    public string ClusterId => "chaos";

    /// <summary>The DynamoDB endpoint: the shim in front of dynalite.</summary>
    public string ServiceUrl => serviceUrl;

    /// <summary>The silos started and not killed.</summary>
    public IReadOnlyList<ChaosSilo> Silos => _silos;

    /// <summary>The configuration every silo and the gateway share; <paramref name="dynamoDbUrl"/> is where this process reaches DynamoDB.</summary>
    public Dictionary<string, string?> Settings(string dynamoDbUrl) => new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans.Runtime.MembershipService"] = "Information",
        ["Cluster:Provider"] = "DynamoDB",
        ["Cluster:ServiceId"] = ServiceId,
        ["Cluster:ClusterId"] = ClusterId,
        ["Cluster:DynamoDB:ServiceUrl"] = dynamoDbUrl,
        ["Cluster:DynamoDB:Region"] = "us-east-1",
        ["Cluster:DynamoDB:AccessKey"] = "local",
        ["Cluster:DynamoDB:SecretKey"] = "local",
        ["Cluster:DynamoDB:MaxErrorRetry"] = "2",
        ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["Cluster:Membership:NumMissedProbesLimit"] = "3",
        ["Cluster:Membership:TableRefreshTimeout"] = "00:00:01",
        ["Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:02",
    };

    /// <summary>Starts the next silo (<c>silo-1</c>, <c>silo-2</c>, …).</summary>
    public async Task<ChaosSilo> StartSiloAsync()
    {
        // A silo that exits before it is ready (typically a port taken by another test project between the pick and the
        // bind) is started again with new ports, at most three times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var silo = await ChaosSilo.StartAsync($"silo-{Interlocked.Increment(ref _started)}", this, dataDirectory);
                _silos.Add(silo);
                return silo;
            }
            catch (ServerExitedException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Kills a silo process (<see cref="ChaosSilo.Kill"/>) and forgets it.</summary>
    public async Task KillAsync(ChaosSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        _silos.Remove(silo);
        silo.Kill();
        await silo.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }
    }
}
