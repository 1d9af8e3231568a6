using System.Text;

namespace Scheduler.Runtime.DynamoDB;

/// <summary>
/// Upper bound of a DynamoDB item's size, computed as DynamoDB does: the UTF-8 length of every
/// attribute name plus the size of its value (strings: UTF-8 bytes; binary: bytes; numbers: at
/// most 21 bytes). See "Item sizes and formats" in the DynamoDB developer guide.
/// </summary>
internal static class DynamoDbItemSize
{
    /// <summary>DynamoDB's maximum item size: 400 KB (409,600 bytes), attribute names included.</summary>
    public const int MaxBytes = 400 * 1024;

    /// <summary>The largest size of a number attribute's value, in bytes.</summary>
    public const int MaxNumberBytes = 21;

    public static int String(string name, string value) => Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);

    public static int Binary(string name, int length) => Encoding.UTF8.GetByteCount(name) + length;

    public static int Number(string name) => Encoding.UTF8.GetByteCount(name) + MaxNumberBytes;
}
