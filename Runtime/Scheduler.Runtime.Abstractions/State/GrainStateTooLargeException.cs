namespace Scheduler.Runtime;

/// <summary>
/// Thrown before writing when serialized grain state exceeds the storage provider's item size
/// limit (for DynamoDB, 400 KB per item). Nothing was written.
/// </summary>
public sealed class GrainStateTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainStateTooLargeException()
        : base("The serialized grain state is larger than the storage provider accepts.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public GrainStateTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public GrainStateTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
