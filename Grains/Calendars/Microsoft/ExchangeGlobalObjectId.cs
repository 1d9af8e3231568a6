using System.Buffers.Binary;
using System.Text;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The iCalendar UID (RFC 5545 §3.8.4.7) inside an Exchange Global Object ID, as Graph's <c>iCalUId</c> gives it in hex
/// ([MS-OXOCAL] §2.2.1.27): a meeting received from another organizer keeps that organizer's UID behind the marker
/// <c>vCal-Uid</c>; one made in Exchange has its id itself as UID. Conversion as in [MS-ASEMAIL] §4.3 and
/// [MS-OXCICAL] §2.1.3.1.1.20.26.
/// </summary>
public static class ExchangeGlobalObjectId
{
    private const string ByteArrayId = "040000008200E00074C5B7101A82E008";

    /// <summary>Where the Data field starts: class id (16), instance date (4), creation time (8), reserved (8), size (4).</summary>
    private const int DataOffset = 40;

    private static readonly byte[] ThirdPartyMarker = [.. "vCal-Uid"u8, 0x01, 0x00, 0x00, 0x00];

    /// <summary>The UID that <paramref name="iCalUId"/> stands for.</summary>
    /// <param name="iCalUId">Graph's <c>iCalUId</c>; may be <see langword="null"/>.</param>
    /// <returns>
    /// The third-party UID behind <c>vCal-Uid</c>; for an id Exchange made, the hex id with its instance date zeroed
    /// (uppercase); a value that is not an encoded Global Object ID (fewer than 82 hex digits, another prefix) as given;
    /// <see langword="null"/> for <see langword="null"/>.
    /// </returns>
    public static string? ToUid(string? iCalUId)
    {
        if (iCalUId is null || iCalUId.Length < 82 || iCalUId.Length % 2 != 0
            || !iCalUId.StartsWith(ByteArrayId, StringComparison.OrdinalIgnoreCase) || !iCalUId.All(char.IsAsciiHexDigit))
        {
            return iCalUId;
        }

        var bytes = Convert.FromHexString(iCalUId);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(DataOffset - 4));
        if (size > bytes.Length - DataOffset)
        {
            return iCalUId;
        }

        var data = bytes.AsSpan(DataOffset, (int)size);
        if (data.StartsWith(ThirdPartyMarker))
        {
            var uid = data[ThirdPartyMarker.Length..];
            return Encoding.UTF8.GetString(uid.EndsWith((byte)0) ? uid[..^1] : uid);
        }

        bytes.AsSpan(16, 4).Clear();
        return Convert.ToHexString(bytes);
    }
}
