namespace Scheduler.Grains.Notifications.Offers;

internal static partial class OfferMessageLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Offer messages {Offer}: the step for member {Member} failed (attempt {Attempt}; given up: {GivenUp})")]
    public static partial void StepFailed(ILogger logger, Exception exception, string offer, string member, int attempt, bool givenUp);
}
