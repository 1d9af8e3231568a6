namespace Scheduler.Grains.Notifications.Slack;

/// <summary>Slack answered <c>{"ok":false,"error":…}</c> or an HTTP error (Slack Web API, "Evaluating responses").</summary>
public sealed class SlackApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The API method, e.g. <c>chat.postMessage</c>.</param>
    /// <param name="error">Slack's error code, e.g. <c>channel_not_found</c>.</param>
    /// <param name="retryAfter">For 429: the <c>Retry-After</c> delay, else <see langword="null"/>.</param>
    public SlackApiException(string method, string error, TimeSpan? retryAfter = null)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
        RetryAfter = retryAfter;
        Kind = Classify(error);
    }

    /// <summary>Creates the exception.</summary>
    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Ignored detail; the error is <c>unknown</c>.</param>
    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The error code.</param>
    /// <param name="innerException">The cause.</param>
    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = message;
        Kind = Classify(message);
    }

    /// <summary>The API method.</summary>
    public string Method { get; }

    /// <summary>Slack's error code.</summary>
    public string Error { get; }

    /// <summary>The error, classified.</summary>
    public SlackErrorKind Kind { get; }

    /// <summary>The <c>Retry-After</c> Slack asked for (429), else <see langword="null"/>.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether a retry may succeed (rate limits and server errors).</summary>
    public bool IsTransient => Kind is SlackErrorKind.RateLimited or SlackErrorKind.ServerError;

    /// <summary>Maps a Slack error code to its kind.</summary>
    /// <param name="error">The code.</param>
    /// <returns>The kind.</returns>
    public static SlackErrorKind Classify(string error) => error switch
    {
        "ratelimited" or "rate_limited" => SlackErrorKind.RateLimited,
        "channel_not_found" => SlackErrorKind.ChannelNotFound,
        "not_in_channel" or "is_archived" => SlackErrorKind.NotInChannel,
        "invalid_auth" or "not_authed" or "account_inactive" or "token_revoked" => SlackErrorKind.Unauthorized,
        "message_not_found" or "cant_update_message" => SlackErrorKind.MessageNotFound,
        "invalid_blocks" or "no_text" or "msg_too_long" or "invalid_arguments" => SlackErrorKind.InvalidMessage,
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" => SlackErrorKind.ServerError,
        _ when error.StartsWith("http_5", StringComparison.Ordinal) => SlackErrorKind.ServerError,
        _ => SlackErrorKind.Other,
    };
}
