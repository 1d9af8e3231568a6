using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Scheduler.Gateway.Auth;

/// <summary>Chooses the HS256 key: the configured one, or the documented development key in Development only.</summary>
public static class SigningKeys
{
    /// <summary>
    /// The key used when the environment is <c>Development</c> and no <c>Auth:SigningKey</c> is set.
    /// It is public (documented in docs/API.md) and therefore never accepted in any other environment.
    /// </summary>
    public const string DevelopmentKey = "scheduler-development-key-do-not-use-in-production";

    /// <summary>Returns the HS256 key text to use.</summary>
    /// <param name="options">The auth options.</param>
    /// <param name="environment">The host environment.</param>
    /// <returns>The key text; at least <see cref="AuthOptions.MinimumSigningKeyBytes"/> UTF-8 bytes.</returns>
    /// <exception cref="InvalidOperationException">No key is configured outside Development, or the configured key is shorter than 32 bytes.</exception>
    public static string Resolve(AuthOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            if (Encoding.UTF8.GetByteCount(options.SigningKey) < AuthOptions.MinimumSigningKeyBytes)
            {
                throw new InvalidOperationException($"Auth:SigningKey must be at least {AuthOptions.MinimumSigningKeyBytes} bytes (UTF-8).");
            }

            return options.SigningKey;
        }

        if (environment.IsDevelopment())
        {
            return DevelopmentKey;
        }

        throw new InvalidOperationException(
            $"No token key is configured for environment '{environment.EnvironmentName}': set Auth:SigningKey (at least {AuthOptions.MinimumSigningKeyBytes} bytes) " +
            "or Auth:Authority and Auth:Audience. The development key is only used when ASPNETCORE_ENVIRONMENT=Development.");
    }

    /// <summary>Whether the development key is in use (no key configured, Development environment).</summary>
    /// <param name="options">The auth options.</param>
    /// <param name="environment">The host environment.</param>
    /// <returns><see langword="true"/> when <see cref="Resolve"/> returns <see cref="DevelopmentKey"/>.</returns>
    public static bool UsesDevelopmentKey(AuthOptions options, IHostEnvironment environment) =>
        string.IsNullOrEmpty(options.SigningKey) && string.IsNullOrEmpty(options.Authority) && environment.IsDevelopment();

    /// <summary>Builds the security key from its text.</summary>
    /// <param name="keyText">The key text.</param>
    /// <returns>The symmetric key of the text's UTF-8 bytes.</returns>
    public static SymmetricSecurityKey ToSecurityKey(string keyText) => new(Encoding.UTF8.GetBytes(keyText));
}
