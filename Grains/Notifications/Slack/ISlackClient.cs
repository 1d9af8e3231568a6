namespace Scheduler.Grains.Notifications.Slack;

/// <summary>The Slack Web API calls the scheduler makes.</summary>
public interface ISlackClient
{
    /// <summary>Posts a message (<c>chat.postMessage</c>); a user id as channel sends a DM from the bot.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the call, including waits for the rate gate and retries.</param>
    /// <returns>Where it was posted.</returns>
    /// <exception cref="SlackApiException">Slack refused it, or kept refusing after the retries.</exception>
    /// <exception cref="HttpRequestException">Slack could not be reached after the retries.</exception>
    Task<SlackPostResult> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a posted message (<c>chat.update</c>), e.g. to show a pool offer was taken.</summary>
    /// <param name="ts">The message's <c>ts</c>.</param>
    /// <param name="message">The new content; its channel must be the one Slack reported for the post.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated message's location.</returns>
    /// <exception cref="SlackApiException">Slack refused it (e.g. <see cref="SlackErrorKind.MessageNotFound"/>).</exception>
    /// <exception cref="HttpRequestException">Slack could not be reached after the retries.</exception>
    Task<SlackPostResult> UpdateMessageAsync(string ts, SlackMessage message, CancellationToken cancellationToken);
}
