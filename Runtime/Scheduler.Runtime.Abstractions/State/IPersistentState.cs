namespace Scheduler.Runtime;

/// <summary>
/// A piece of durable grain state, injected into a grain constructor with
/// <see cref="PersistentStateAttribute"/>. It is read before <see cref="Grain.OnActivateAsync"/>.
/// </summary>
/// <remarks>
/// Every provider is optimistic: <see cref="WriteStateAsync"/> and <see cref="ClearStateAsync"/>
/// succeed only if the stored <see cref="ETag"/> is the one this instance last read or wrote;
/// otherwise they throw <see cref="InconsistentStateException"/> and change nothing. After
/// such a failure, call <see cref="ReadStateAsync"/> to reload before deciding again.
/// </remarks>
/// <typeparam name="TState">The state type: a class with a public parameterless constructor, serialized as JSON.</typeparam>
public interface IPersistentState<TState>
    where TState : class, new()
{
    /// <summary>The current in-memory state. A fresh instance when nothing is stored.</summary>
    TState State { get; set; }

    /// <summary>The version tag of the stored state this instance last saw; <see langword="null"/> when nothing is stored.</summary>
    string? ETag { get; }

    /// <summary>Whether a stored record exists (read or written by this instance).</summary>
    bool RecordExists { get; }

    /// <summary>Reloads the state from storage, replacing <see cref="State"/> and <see cref="ETag"/>.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the state is loaded.</returns>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/> if the stored version is still <see cref="ETag"/>.</summary>
    /// <param name="cancellationToken">Cancels the write before it is submitted.</param>
    /// <returns>A task that completes when the write is durable.</returns>
    /// <exception cref="InconsistentStateException">The stored version changed since this instance last saw it; nothing was written.</exception>
    /// <exception cref="GrainStateTooLargeException">The serialized state exceeds the provider's item size limit; nothing was written.</exception>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored state if the stored version is still <see cref="ETag"/>, and resets <see cref="State"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation before it is submitted.</param>
    /// <returns>A task that completes when the deletion is durable.</returns>
    /// <exception cref="InconsistentStateException">The stored version changed since this instance last saw it; nothing was deleted.</exception>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
