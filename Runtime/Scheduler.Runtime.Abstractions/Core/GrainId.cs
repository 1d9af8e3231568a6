using System.Text;

namespace Scheduler.Runtime;

/// <summary>
/// The identity of a grain: its grain type name and its string key, for example
/// <c>participant</c> + <c>acme/p-42</c>. Grain ids are values: equal type and key mean the
/// same grain anywhere in the cluster.
/// </summary>
/// <remarks>
/// The canonical text form is <c>{type}/{key}</c> (the key may itself contain <c>/</c>); see
/// <see cref="ToString"/> and <see cref="Parse"/>. <see cref="GetUniformHashCode"/> is stable
/// across processes and versions, so every silo computes the same placement and reminder bucket.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(GrainIdJsonConverter))]
public readonly record struct GrainId
{
    /// <summary>Creates a grain id.</summary>
    /// <param name="type">The grain type name: non-empty, without <c>/</c>.</param>
    /// <param name="key">The grain's key: non-empty.</param>
    /// <exception cref="ArgumentException"><paramref name="type"/> is empty or contains <c>/</c>, or <paramref name="key"/> is empty.</exception>
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (type.Contains('/'))
        {
            throw new ArgumentException("A grain type name cannot contain '/'.", nameof(type));
        }

        Type = type;
        Key = key;
    }

    /// <summary>The grain type name, e.g. <c>participant</c>.</summary>
    public string Type { get; }

    /// <summary>The grain's string key, e.g. <c>acme/p-42</c>.</summary>
    public string Key { get; }

    /// <summary>
    /// A hash of the id that is identical in every process (32-bit FNV-1a over the UTF-8 bytes
    /// of <c>{type}/{key}</c>). Used for placement and for partitioning reminders into buckets.
    /// </summary>
    /// <returns>The hash, any value of <see cref="uint"/>.</returns>
    public uint GetUniformHashCode() => StableHash.Compute(ToString());

    /// <summary>The canonical text form <c>{type}/{key}</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Type is null ? string.Empty : string.Concat(Type, "/", Key);

    /// <summary>Parses the canonical text form produced by <see cref="ToString"/>.</summary>
    /// <param name="value">Text of the form <c>{type}/{key}</c>.</param>
    /// <returns>The grain id.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> has no <c>/</c> or an empty part.</exception>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1)
        {
            throw new FormatException($"'{value}' is not a grain id of the form '{{type}}/{{key}}'.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }
}

/// <summary>A hash function whose value never changes between processes (unlike <see cref="string.GetHashCode()"/>).</summary>
public static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>32-bit FNV-1a over the UTF-8 encoding of <paramref name="value"/>.</summary>
    /// <param name="value">The text to hash.</param>
    /// <returns>The hash.</returns>
    public static uint Compute(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> buffer = value.Length <= 256 ? stackalloc byte[value.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        return Compute(buffer[..length]);
    }

    /// <summary>32-bit FNV-1a over <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The bytes to hash.</param>
    /// <returns>The hash.</returns>
    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>Mixes two 32-bit values into one well-distributed 32-bit value (used by rendezvous hashing).</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>The mixed value.</returns>
    public static uint Combine(uint a, uint b)
    {
        // murmur3 finalizer over a ^ rotated b
        var h = a ^ ((b << 16) | (b >> 16)) ^ (b * 0x9E3779B1);
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }
}
