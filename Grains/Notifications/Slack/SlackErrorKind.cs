namespace Scheduler.Grains.Notifications.Slack;

/// <summary>The Slack Web API errors the client tells apart (the <c>error</c> of <c>{"ok":false}</c>).</summary>
public enum SlackErrorKind
{
    /// <summary>Any other error code; see <see cref="SlackApiException.Error"/>.</summary>
    Other,

    /// <summary><c>ratelimited</c> or HTTP 429 (after the retries).</summary>
    RateLimited,

    /// <summary><c>channel_not_found</c>.</summary>
    ChannelNotFound,

    /// <summary><c>not_in_channel</c> or <c>is_archived</c>.</summary>
    NotInChannel,

    /// <summary><c>invalid_auth</c>, <c>not_authed</c>, <c>account_inactive</c>, <c>token_revoked</c>.</summary>
    Unauthorized,

    /// <summary><c>message_not_found</c> or <c>cant_update_message</c> (chat.update).</summary>
    MessageNotFound,

    /// <summary><c>invalid_blocks</c>, <c>no_text</c>, <c>msg_too_long</c>, <c>invalid_arguments</c>.</summary>
    InvalidMessage,

    /// <summary><c>internal_error</c>, <c>fatal_error</c>, <c>service_unavailable</c>, <c>request_timeout</c> or HTTP 5xx.</summary>
    ServerError,
}
