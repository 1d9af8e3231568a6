namespace Scheduler.Runtime;

/// <summary>
/// Thrown when a write or clear of grain state finds a stored version other than the one the
/// writer last saw (optimistic concurrency). Nothing was changed by the failed operation.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException()
        : base("The stored grain state changed since it was last read; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the stored and expected version tags.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="storedETag">The version tag found in storage (<see langword="null"/> when no record exists).</param>
    /// <param name="currentETag">The version tag the writer expected (<see langword="null"/> when it expected no record).</param>
    public InconsistentStateException(string message, string? storedETag, string? currentETag)
        : base(message)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The version tag found in storage, when known.</summary>
    public string? StoredETag { get; }

    /// <summary>The version tag the writer expected, when known.</summary>
    public string? CurrentETag { get; }
}
