using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>Deterministic Graph <c>transactionId</c>s, so a create repeated after a crash or a lost answer finds the first event.</summary>
public static class MicrosoftEventIds
{
    /// <summary>The transaction id of what an event is for: a GUID (<c>D</c> format) from the first 16 bytes of SHA-256 of <paramref name="purpose"/>.</summary>
    /// <param name="purpose">What the event stands for, unique per mailbox, e.g. <c>{tenant}/{requestId}/stage/0</c>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException"><paramref name="purpose"/> is empty.</exception>
    public static string TransactionId(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(purpose)).AsSpan(0, 16)).ToString("D");
    }
}
