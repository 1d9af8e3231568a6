using Microsoft.Extensions.Logging;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>Log messages of the Google connector. Tokens and channel secrets are never logged.</summary>
internal static partial class GoogleLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Google {Operation} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string outcome, TimeSpan delay);
}
