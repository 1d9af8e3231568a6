namespace Scheduler.Grains.Calendars;

/// <summary>What a calendar account made of a push notification.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.PushVerdict")]
public enum PushVerdict
{
    /// <summary>The channel id, token and resource id match a live channel: a sync follows (for <c>exists</c>).</summary>
    Accepted,

    /// <summary>No such channel on this account (stopped, replaced, or never ours): nothing changes.</summary>
    UnknownChannel,

    /// <summary>The channel exists but the token or resource id does not match: nothing changes.</summary>
    Forged,
}
