using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>
/// Push channel ids and secret tokens. A token is <c>{base64url(accountKey)}.{secret}</c>: the
/// webhook reads the account key from it to route the notification, and the account grain then
/// compares the whole token with the one it stored (constant time). The secret is 32 random
/// bytes (base64url, 43 characters); a token stays within Google's 256-character limit for
/// account ids of up to <see cref="CalendarAccountKeys.MaxAccountIdLength"/> characters.
/// </summary>
public static class ChannelTokens
{
    /// <summary>Creates a channel id: <c>ch-</c> and 32 random hex digits (Google allows <c>[A-Za-z0-9-_+/=]</c>, at most 64).</summary>
    /// <returns>The id.</returns>
    public static string NewChannelId() => "ch-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Creates a token for an account.</summary>
    /// <param name="accountKey">The account grain key.</param>
    /// <returns>The token.</returns>
    public static string NewToken(string accountKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(accountKey)) + "." + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads the account key a token routes to, without verifying it.</summary>
    /// <param name="token">The token as received; may be <see langword="null"/>.</param>
    /// <param name="accountKey">The key, when the token is well formed.</param>
    /// <returns><see langword="true"/> when the token has the expected shape and names a well-formed account key.</returns>
    public static bool TryReadAccountKey(string? token, out string accountKey)
    {
        accountKey = string.Empty;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 256)
        {
            return false;
        }

        try
        {
            var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
            CalendarAccountKeys.Split(key);
            accountKey = key;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Compares two tokens in constant time (for equal lengths).</summary>
    /// <param name="expected">The stored token.</param>
    /// <param name="actual">The received token.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
