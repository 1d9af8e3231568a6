using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Scheduler.Gateway.OAuth;

/// <summary>
/// Seals <see cref="OAuthState"/> into the OAuth <c>state</c> parameter with ASP.NET Core Data
/// Protection (authenticated encryption, time-limited): the callback trusts only what it sealed,
/// binds the consent to the tenant and account chosen by the admin, and refuses it after
/// <see cref="Lifetime"/>. The PKCE verifier travels inside, so no server-side session is needed.
/// </summary>
/// <param name="provider">The data protection provider.</param>
/// <param name="time">The clock.</param>
public sealed class OAuthStateProtector(IDataProtectionProvider provider, TimeProvider time)
{
    /// <summary>How long a consent may take: 10 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Scheduler.OAuth.State.v1").ToTimeLimitedDataProtector();

    /// <summary>Seals a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The opaque text for the <c>state</c> parameter.</returns>
    public string Protect(OAuthState state) => _protector.Protect(JsonSerializer.Serialize(state), time.GetUtcNow() + Lifetime);

    /// <summary>Opens a sealed state.</summary>
    /// <param name="text">The <c>state</c> parameter as received.</param>
    /// <returns>The state, or <see langword="null"/> when it was altered, forged or has expired.</returns>
    public OAuthState? TryUnprotect(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var json = _protector.Unprotect(text, out var expiration);
            return expiration < time.GetUtcNow() ? null : JsonSerializer.Deserialize<OAuthState>(json);
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
