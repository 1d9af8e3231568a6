namespace Scheduler.Grains.Notifications.Slack.Inbox;

/// <summary>A Slack interaction that can never be handled (malformed button value, unknown request or offer); it is not retried.</summary>
public sealed class SlackInteractionRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SlackInteractionRejectedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    public SlackInteractionRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public SlackInteractionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
