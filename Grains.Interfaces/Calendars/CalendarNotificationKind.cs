namespace Scheduler.Grains.Calendars;

/// <summary>What a verified push notification asks of the account, whichever provider sent it; the webhook maps the provider's own kinds to it.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.CalendarNotificationKind")]
public enum CalendarNotificationKind
{
    /// <summary>Nothing to do: Google <c>sync</c> (channel opened) and <c>not_exists</c>, lifecycle events we do not act on.</summary>
    None,

    /// <summary>Events changed: Google <c>exists</c>, a Graph change notification. An incremental sync follows.</summary>
    Changed,

    /// <summary>Notifications may have been lost (Graph lifecycle <c>missed</c>): readers refresh and the calendar syncs in full.</summary>
    Missed,

    /// <summary>The channel ended or lost its access (Graph lifecycle <c>subscriptionRemoved</c>, <c>reauthorizationRequired</c>): a new channel replaces it.</summary>
    ChannelEnded,
}
