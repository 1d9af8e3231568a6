namespace Scheduler.Grains.Requests;

internal static partial class RequestLog
{
    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Request {Request} failed while processing in status {Status}; the activation is discarded and the reminder resumes it")]
    public static partial void ProcessingFailed(this ILogger logger, Exception exception, string request, RequestStatus status);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Debug, Message = "Request {Request} moved to {Status}")]
    public static partial void Transitioned(this ILogger logger, string request, RequestStatus status);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Debug, Message = "Request {Request} could not hold option starting {Start} (attempt {Attempt})")]
    public static partial void OptionRefused(this ILogger logger, string request, DateTimeOffset start, int attempt);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Warning, Message = "Request {Request} could not store its state; the activation is discarded and the next call reloads it")]
    public static partial void WriteFailed(this ILogger logger, Exception exception, string request);
}
