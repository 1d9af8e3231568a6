namespace Scheduler.Grains.Indexes;

/// <summary>
/// Maps an external id to the first request that claimed it. Placed on the silo the claim arrives at (one call per
/// submit, from the gateway, then idle), which saves a hop.
/// </summary>
[GrainType("externalid")]
[Orleans.Placement.PreferLocalPlacement]
public sealed class ExternalIdGrain : Grain, IExternalIdGrain
{
    private readonly IPersistentState<ExternalIdState> _state;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    public ExternalIdGrain([PersistentState("externalId")] IPersistentState<ExternalIdState> state) => _state = state;

    /// <inheritdoc />
    public async Task<string> Claim(string requestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        if (_state.State.RequestId is { } owner)
        {
            return owner;
        }

        _state.State.RequestId = requestId;
        await _state.WriteStateAsync();
        return requestId;
    }

    /// <inheritdoc />
    public Task<string?> Get() => Task.FromResult(_state.State.RequestId);
}
