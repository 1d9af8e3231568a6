namespace Scheduler.Grains.Notifications.Email;

/// <summary>Hands emails to a mail server.</summary>
public interface IEmailSender
{
    /// <summary>Sends one message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the server has accepted the message.</returns>
    /// <exception cref="EmailDeliveryException">The server could not be reached or refused the message; <see cref="EmailDeliveryException.IsPermanent"/> says whether retrying can help.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
