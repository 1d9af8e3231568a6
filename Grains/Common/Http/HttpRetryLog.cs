namespace Scheduler.Grains.Common.Http;

/// <summary>Log messages of <see cref="HttpRetryResilience"/>. Only the method and host are logged: paths and queries may hold secrets.</summary>
internal static partial class HttpRetryLog
{
    [LoggerMessage(EventId = 3500, Level = LogLevel.Information, Message = "{Operation} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string outcome, TimeSpan delay);
}
