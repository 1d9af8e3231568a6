namespace Scheduler.Grains.Calendars;

/// <summary>Builds and splits calendar account grain keys <c>{tenant}/{provider}/{accountId}</c>.</summary>
public static class CalendarAccountKeys
{
    /// <summary>The longest account id accepted, in characters (the key travels in a push channel token, which Google limits to 256 characters).</summary>
    public const int MaxAccountIdLength = 128;

    /// <summary>Builds the key.</summary>
    /// <param name="tenant">The tenant: non-empty, without <c>/</c>.</param>
    /// <param name="provider">The provider: <c>google</c> or <c>microsoft</c> (lower case, without <c>/</c>).</param>
    /// <param name="accountId">The account id within the tenant: 1 to <see cref="MaxAccountIdLength"/> characters, without <c>/</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A part is empty, too long or contains <c>/</c>.</exception>
    public static string For(string tenant, string provider, string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        if (provider.Contains('/') || accountId.Contains('/'))
        {
            throw new ArgumentException("A provider or account id cannot contain '/'.", accountId.Contains('/') ? nameof(accountId) : nameof(provider));
        }

        if (accountId.Length > MaxAccountIdLength)
        {
            throw new ArgumentException($"An account id has at most {MaxAccountIdLength} characters.", nameof(accountId));
        }

        return GrainKeys.For(tenant, string.Concat(provider, "/", accountId));
    }

    /// <summary>Splits a key <c>{tenant}/{provider}/{accountId}</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="FormatException">The key does not have three non-empty parts.</exception>
    public static (string Tenant, string Provider, string AccountId) Split(string key)
    {
        var (tenant, rest) = GrainKeys.Split(key);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1 || rest.IndexOf('/', slash + 1) >= 0)
        {
            throw new FormatException($"'{key}' is not a key of the form '{{tenant}}/{{provider}}/{{accountId}}'.");
        }

        return (tenant, rest[..slash], rest[(slash + 1)..]);
    }
}
