namespace Scheduler.Runtime;

/// <summary>Implemented by grain references and grains: anything that knows its <see cref="GrainId"/>.</summary>
public interface IGrainIdentity
{
    /// <summary>The grain id.</summary>
    GrainId GrainId { get; }
}

/// <summary>Helpers on grain references and grains.</summary>
public static class AddressableExtensions
{
    /// <summary>Returns the grain id of a grain reference or grain.</summary>
    /// <param name="grain">A reference from <see cref="IGrainFactory"/>, or a grain itself.</param>
    /// <returns>The grain id.</returns>
    /// <exception cref="ArgumentException"><paramref name="grain"/> is neither a grain reference nor a grain.</exception>
    public static GrainId GetGrainId(this IAddressable grain) =>
        grain is IGrainIdentity identity
            ? identity.GrainId
            : throw new ArgumentException("The object is neither a grain reference nor a grain.", nameof(grain));

    /// <summary>Returns the string key of a grain reference or grain.</summary>
    /// <param name="grain">A reference from <see cref="IGrainFactory"/>, or a grain itself.</param>
    /// <returns>The key part of the grain id.</returns>
    /// <exception cref="ArgumentException"><paramref name="grain"/> is neither a grain reference nor a grain.</exception>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;
}
