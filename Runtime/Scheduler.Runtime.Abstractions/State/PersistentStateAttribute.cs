namespace Scheduler.Runtime;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to be
/// bound to durable storage.
/// </summary>
/// <param name="stateName">The state's name within the grain (part of the storage key); non-empty.</param>
/// <param name="storageName">The name of the registered storage provider; <see langword="null"/> for the provider named <c>Default</c>.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The name of the default storage provider.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The state's name within the grain.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider's name.</summary>
    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
