using System.Globalization;

namespace Scheduler.Runtime.Membership;

/// <summary>ETags of membership rows: random positive 63-bit numbers in decimal, so a value is never reissued in practice (a counter would be, after a row is removed and re-inserted).</summary>
internal static class MembershipETag
{
    public static long New() => Random.Shared.NextInt64(1, long.MaxValue);

    public static string Format(long etag) => etag.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? etag, out long value) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
