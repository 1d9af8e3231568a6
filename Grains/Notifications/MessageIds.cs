using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Grains.Notifications;

/// <summary>
/// Stable identifiers: the invite UID (one per interview, RFC 5545 §3.8.4.7) and the email <c>Message-ID</c>
/// (one per request, kind, recipient and sequence, RFC 5322 §3.6.4), so a retried or repeated send carries the
/// same id and receivers can drop duplicates.
/// </summary>
public static class MessageIds
{
    /// <summary>How every UID Scheduler writes ends (invites, prep blocks, CalDAV interview events): an event with such a UID in a participant's calendar is Scheduler's own.</summary>
    public const string UidSuffix = "@scheduler";

    /// <summary>Whether <paramref name="uid"/> is one Scheduler wrote (it ends in <see cref="UidSuffix"/>).</summary>
    /// <param name="uid">An event's UID; may be empty.</param>
    /// <returns><see langword="true"/> for Scheduler's own events.</returns>
    public static bool IsOwnUid(string? uid) => uid?.EndsWith(UidSuffix, StringComparison.Ordinal) == true;

    /// <summary>The invite UID of an interview: <c>{requestKey}@scheduler</c> with <c>/</c> replaced by <c>.</c>.</summary>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
    /// <returns>The UID.</returns>
    public static string InviteUid(string requestKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestKey);
        return requestKey.Replace('/', '.') + UidSuffix;
    }

    /// <summary>The UID of the <paramref name="index"/>-th prep block of an interview: <c>{requestKey}.prep.{index}@scheduler</c> with <c>/</c> replaced by <c>.</c>.</summary>
    /// <param name="requestKey">The request grain key <c>{tenant}/{requestId}</c>.</param>
    /// <param name="index">The block's position in the plan, from 0.</param>
    /// <returns>The UID.</returns>
    public static string PrepBlockUid(string requestKey, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestKey);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"{requestKey.Replace('/', '.')}.prep.{index}{UidSuffix}");
    }

    /// <summary>The <c>Message-ID</c> of one email, with angle brackets.</summary>
    /// <param name="requestKey">The request grain key.</param>
    /// <param name="outboxKey">The outbox key (kind, reminder offset, sequence, recipient, channel).</param>
    /// <param name="domain">The domain on the right of <c>@</c>.</param>
    /// <returns>For example <c>&lt;booked.0.3f2a…@example.com&gt;</c>; only dot-atom characters.</returns>
    public static string EmailMessageId(string requestKey, string outboxKey, string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestKey);
        ArgumentException.ThrowIfNullOrEmpty(outboxKey);
        ArgumentException.ThrowIfNullOrEmpty(domain);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requestKey + "\n" + outboxKey));
        var prefix = outboxKey[..outboxKey.IndexOf('/', StringComparison.Ordinal)].ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"<{prefix}.{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{domain}>");
    }
}
