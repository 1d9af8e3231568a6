using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>
/// CalDAV passwords at rest: stored as <c>dp1:</c> and a Data Protection payload (<see cref="CalendarCredentialProtector"/>,
/// the keys that protect the OAuth tokens) and revealed only where a server is called. A value without the prefix is a
/// password stored in clear before this existed, or by a silo without the protector (tests); it is used as it is and
/// protected when the participant next activates on a silo with the protector, or its profile is written.
/// </summary>
internal static class CalDavPasswords
{
    private const string Prefix = "dp1:";

    /// <summary>The stored form of a password: protected when a protector is registered, else as it is.</summary>
    /// <param name="password">The password, in clear or already stored (protected ones are kept).</param>
    /// <param name="protector">The protector, or <see langword="null"/> on a silo without calendar accounts.</param>
    /// <returns>The value to store.</returns>
    public static string Protect(string password, CalendarCredentialProtector? protector) =>
        protector is null || password.StartsWith(Prefix, StringComparison.Ordinal) ? password : Prefix + protector.ProtectSecret(password);

    /// <summary>Whether a stored value is a password in clear (not protected).</summary>
    /// <param name="stored">The stored value, or <see langword="null"/> for none.</param>
    /// <returns><see langword="true"/> for a non-empty value without the protected prefix.</returns>
    public static bool IsClear(string? stored) => !string.IsNullOrEmpty(stored) && !stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The password a stored value holds.</summary>
    /// <param name="stored">The stored value, or <see langword="null"/> for none.</param>
    /// <param name="protector">The protector, or <see langword="null"/> on a silo without calendar accounts.</param>
    /// <returns>The password in clear, or <see langword="null"/>.</returns>
    /// <exception cref="CalendarSourceException">The value is protected and this silo has no protector, or its key is gone or the value was altered.</exception>
    public static string? Reveal(string? stored, CalendarCredentialProtector? protector)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return (protector ?? throw new CalendarSourceException("caldav", "the stored password is protected and this silo has no data protection keys")).UnprotectSecret(stored[Prefix.Length..]);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new CalendarSourceException("caldav", "the stored password cannot be read with this silo's data protection keys; enter it again");
        }
    }
}
