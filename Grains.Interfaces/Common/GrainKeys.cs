using Scheduler.Grains.Indexes;

namespace Scheduler.Grains.Common;

/// <summary>
/// Builds and splits the tenant-scoped grain keys: <c>{tenant}/{id}</c> for participants, requests,
/// pools, external ids and request index shards (<see cref="RequestIndexKeys"/>), and <c>{tenant}</c> for the
/// request index directory.
/// </summary>
public static class GrainKeys
{
    /// <summary>Builds the key <c>{tenant}/{id}</c>.</summary>
    /// <param name="tenant">The tenant: non-empty, without <c>/</c>.</param>
    /// <param name="id">The id within the tenant: non-empty (may contain <c>/</c>).</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty or contains <c>/</c>, or <paramref name="id"/> is empty.</exception>
    public static string For(string tenant, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (tenant.Contains('/'))
        {
            throw new ArgumentException("A tenant cannot contain '/'.", nameof(tenant));
        }

        return string.Concat(tenant, "/", id);
    }

    /// <summary>Splits a key <c>{tenant}/{id}</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The tenant and the id.</returns>
    /// <exception cref="FormatException">The key has no <c>/</c> or an empty part.</exception>
    public static (string Tenant, string Id) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a key of the form '{{tenant}}/{{id}}'.");
        }

        return (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>The shard of an id: a stable hash (FNV-1a, 32 bit, over the id's UTF-16 code units) modulo <paramref name="shards"/>. Part of the stored layout of the sharded indexes: it must never change.</summary>
    /// <param name="id">The id.</param>
    /// <param name="shards">The number of shards (1 or more).</param>
    /// <returns>0 to <paramref name="shards"/> − 1.</returns>
    internal static int Shard(string id, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
