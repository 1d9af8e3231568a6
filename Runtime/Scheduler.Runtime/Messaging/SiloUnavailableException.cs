namespace Scheduler.Runtime;

/// <summary>Thrown to a caller when the silo that should run the call is shutting down or unreachable. Retrying later is safe.</summary>
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
}
