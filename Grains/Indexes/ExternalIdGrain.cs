namespace Scheduler.Grains.Indexes;

/// <summary>
/// Maps an external id to the first request that claimed it. Placed on the silo the claim arrives at (one call per
/// submit, from the gateway, then idle), which saves a hop.
/// </summary>
/// <param name="state">The durable state.</param>
[GrainType("externalid")]
[Orleans.Placement.PreferLocalPlacement]
public sealed class ExternalIdGrain([PersistentState("externalId")] IPersistentState<ExternalIdState> state) : Grain, IExternalIdGrain
{
    /// <inheritdoc />
    public async Task<string> Claim(string requestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        if (state.State.RequestId is { } owner)
        {
            return owner;
        }

        state.State.RequestId = requestId;
        await state.WriteStateAsync();
        return requestId;
    }

    /// <inheritdoc />
    public Task<string?> Get() => Task.FromResult(state.State.RequestId);
}
