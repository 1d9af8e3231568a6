using Microsoft.Extensions.Logging;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>Log messages of the Microsoft connector. Tokens and client states are never logged.</summary>
internal static partial class MicrosoftLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Graph {Operation} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string outcome, TimeSpan delay);

}
