namespace Scheduler.Providers.DynamoDB.Storage;

/// <summary>
/// A grain state does not fit in one DynamoDB item (400 KB, attribute names and keys included).
/// Thrown before any request is sent: nothing was written, and the stored state and ETag are unchanged.
/// </summary>
public sealed class DynamoDBItemSizeExceededException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stateName">The state's name.</param>
    /// <param name="grainId">The grain's id.</param>
    /// <param name="itemBytes">The item's size in bytes.</param>
    public DynamoDBItemSizeExceededException(string stateName, string grainId, long itemBytes)
        : base($"State '{stateName}' of grain {grainId} needs a DynamoDB item of {itemBytes} bytes; the limit is {DynamoDBItemSize.MaxBytes} bytes. Nothing was written.")
    {
        StateName = stateName;
        GrainId = grainId;
        ItemBytes = itemBytes;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public DynamoDBItemSizeExceededException(string message)
        : base(message)
    {
        StateName = string.Empty;
        GrainId = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DynamoDBItemSizeExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
        StateName = string.Empty;
        GrainId = string.Empty;
    }

    /// <summary>The state's name.</summary>
    public string StateName { get; }

    /// <summary>The grain's id, as text.</summary>
    public string GrainId { get; }

    /// <summary>The size the item would have had, in bytes.</summary>
    public long ItemBytes { get; }

    /// <summary>DynamoDB's limit, in bytes (409,600).</summary>
    public static int MaxBytes => DynamoDBItemSize.MaxBytes;
}
