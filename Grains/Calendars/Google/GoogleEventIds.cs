using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// Event ids we choose, so that a retried insert finds the event instead of creating a second one.
/// Google's rule (Events resource, <c>id</c>): characters of base32hex (<c>a</c>–<c>v</c> and
/// <c>0</c>–<c>9</c>, RFC 4648 §7, lower case), 5 to 1024 characters, unique per calendar.
/// </summary>
public static class GoogleEventIds
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";

    /// <summary>
    /// Derives the id of an interview's event: base32hex of the SHA-256 of
    /// <c>{requestKey}\n{part}</c> (52 characters). The same inputs always give the same id.
    /// </summary>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
    /// <param name="part">Which event of the request: e.g. a stage name, or a participant key and interval index.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">An input is empty.</exception>
    public static string For(string requestKey, string part)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestKey);
        ArgumentException.ThrowIfNullOrEmpty(part);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestKey + "\n" + part));
        var text = new StringBuilder(52);
        var buffer = 0;
        var bits = 0;
        foreach (var b in hash)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }

    /// <summary>Whether a string is a valid Google event id: base32hex characters only, 5 to 1024 long.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? id) => id is { Length: >= 5 and <= 1024 } && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
