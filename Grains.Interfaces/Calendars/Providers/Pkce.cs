using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>Proof Key for Code Exchange (RFC 7636): verifiers and their S256 challenges.</summary>
public static class Pkce
{
    /// <summary>Creates a random verifier: 32 random bytes, base64url without padding (43 characters, RFC 7636 §4.1).</summary>
    /// <returns>The verifier.</returns>
    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge of a verifier: base64url(SHA-256(ASCII(verifier))) without padding (RFC 7636 §4.2).</summary>
    /// <param name="verifier">The verifier.</param>
    /// <returns>The challenge.</returns>
    /// <exception cref="ArgumentException">The verifier is not 43–128 characters long.</exception>
    public static string Challenge(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (verifier.Length is < 43 or > 128)
        {
            throw new ArgumentException("A PKCE verifier has 43 to 128 characters.", nameof(verifier));
        }

        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }
}
