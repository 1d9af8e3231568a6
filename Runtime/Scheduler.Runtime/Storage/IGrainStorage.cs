namespace Scheduler.Runtime.Storage;

/// <summary>
/// A grain storage provider: durable, optimistic key-value storage of serialized grain state.
/// The key is the silo's service id, the <see cref="GrainId"/> and the state name.
/// </summary>
/// <remarks>
/// Contract (checked by the provider contract test suite for every provider):
/// <list type="bullet">
/// <item>ETags are opaque, non-empty strings that change on every successful write.</item>
/// <item><see cref="WriteAsync"/> with <c>expectedETag == null</c> succeeds only if no record exists;
/// with an ETag, only if the stored record has exactly that ETag.</item>
/// <item>A failed conditional operation throws <see cref="InconsistentStateException"/> and changes nothing.</item>
/// <item>A successful write is durable when the task completes.</item>
/// </list>
/// </remarks>
public interface IGrainStorage
{
    /// <summary>Reads a record.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="stateName">The state's name within the grain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored record, or <see langword="null"/> when none exists.</returns>
    Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>Writes a record if the stored ETag is <paramref name="expectedETag"/>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="stateName">The state's name within the grain.</param>
    /// <param name="payload">The serialized state (UTF-8 JSON).</param>
    /// <param name="expectedETag">The ETag the writer last saw; <see langword="null"/> if it saw no record.</param>
    /// <param name="cancellationToken">Cancels the write before it is submitted.</param>
    /// <returns>The new ETag.</returns>
    /// <exception cref="InconsistentStateException">The stored ETag is not <paramref name="expectedETag"/>; nothing changed.</exception>
    /// <exception cref="GrainStateTooLargeException">The payload exceeds the provider's limit; nothing changed.</exception>
    Task<string> WriteAsync(GrainId grainId, string stateName, ReadOnlyMemory<byte> payload, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Deletes a record if the stored ETag is <paramref name="expectedETag"/>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="stateName">The state's name within the grain.</param>
    /// <param name="expectedETag">The ETag the writer last saw; <see langword="null"/> if it saw no record (then clearing succeeds only if none exists).</param>
    /// <param name="cancellationToken">Cancels the operation before it is submitted.</param>
    /// <returns>A task that completes when the deletion is durable.</returns>
    /// <exception cref="InconsistentStateException">The stored ETag is not <paramref name="expectedETag"/>; nothing changed.</exception>
    Task ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken);
}

/// <summary>A stored grain state record.</summary>
/// <param name="Payload">The serialized state (UTF-8 JSON).</param>
/// <param name="ETag">The record's version tag.</param>
public sealed record GrainStateRecord(ReadOnlyMemory<byte> Payload, string ETag);
