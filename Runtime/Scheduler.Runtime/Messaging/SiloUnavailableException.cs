namespace Scheduler.Runtime;

/// <summary>
/// Thrown to a caller when the silo that should run the call is shutting down or unreachable.
/// When <see cref="NotDelivered"/> is <see langword="true"/> the call certainly did not run (the
/// connection was refused, the silo answered that it no longer serves, or no silo was active), so
/// sending it again is safe for any method; otherwise it may have run, and only idempotent
/// operations should be repeated.
/// </summary>
public sealed class SiloUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloUnavailableException()
        : base("The silo is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, saying whether the call certainly did not run.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="notDelivered">Whether the call certainly did not run.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public SiloUnavailableException(string message, bool notDelivered, Exception? innerException = null)
        : base(message, innerException)
    {
        NotDelivered = notDelivered;
    }

    /// <summary>Whether the call certainly did not run, so the runtime may send it again to the grain's (new) owner.</summary>
    public bool NotDelivered { get; }
}
