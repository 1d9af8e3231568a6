namespace Scheduler.Grains.Notifications.Email;

/// <summary>An email could not be delivered to the SMTP server.</summary>
public sealed class EmailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="isPermanent">Whether the server refused it for good (SMTP 5xx, RFC 5321 §4.2.1).</param>
    /// <param name="innerException">The underlying failure.</param>
    public EmailDeliveryException(string message, bool isPermanent, Exception? innerException)
        : base(message, innerException) => IsPermanent = isPermanent;

    /// <summary>Creates the exception (transient).</summary>
    public EmailDeliveryException()
        : this("Email delivery failed.", false, null)
    {
    }

    /// <summary>Creates the exception (transient).</summary>
    /// <param name="message">What went wrong.</param>
    public EmailDeliveryException(string message)
        : this(message, false, null)
    {
    }

    /// <summary>Creates the exception (transient).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EmailDeliveryException(string message, Exception innerException)
        : this(message, false, innerException)
    {
    }

    /// <summary>Whether retrying cannot help (a 5xx reply other than a mailbox-busy one).</summary>
    public bool IsPermanent { get; }
}
