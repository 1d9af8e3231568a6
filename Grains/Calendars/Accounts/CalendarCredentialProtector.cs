using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>
/// Encrypts calendar account secrets for storage with ASP.NET Core Data Protection
/// (authenticated encryption; keys kept in the configured key directory and rotated by the
/// framework). The purpose string isolates these payloads from any other use of the keys.
/// </summary>
/// <param name="provider">The data protection provider.</param>
public sealed class CalendarCredentialProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Scheduler.CalendarAccounts.Credentials.v1");

    /// <summary>Encrypts credentials.</summary>
    /// <param name="credentials">The credentials.</param>
    /// <returns>The protected payload (base64url text).</returns>
    public string Protect(CalendarCredentials credentials) => _protector.Protect(JsonSerializer.Serialize(credentials));

    /// <summary>Decrypts credentials.</summary>
    /// <param name="payload">A payload from <see cref="Protect(CalendarCredentials)"/>.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The payload was altered or its key is gone.</exception>
    public CalendarCredentials Unprotect(string payload) =>
        JsonSerializer.Deserialize<CalendarCredentials>(_protector.Unprotect(payload)) ?? throw new JsonException("Empty credentials payload.");

    /// <summary>Encrypts a short secret (a channel token).</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The protected payload.</returns>
    public string ProtectSecret(string secret) => _protector.Protect("s:" + secret);

    /// <summary>Decrypts a secret from <see cref="ProtectSecret"/>.</summary>
    /// <param name="payload">The payload.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The payload was altered or its key is gone.</exception>
    public string UnprotectSecret(string payload) => _protector.Unprotect(payload)[2..];
}
