namespace Scheduler.Grains.Notifications;

/// <summary>The durable state of a <see cref="PoolOfferMessagesGrain"/> (JSON), state name <c>offermessages</c>.</summary>
public sealed class PoolOfferMessagesState
{
    /// <summary>The interview title shown in the messages; <see langword="null"/> until posted.</summary>
    public string? Title { get; set; }

    /// <summary>The members' messages, in recipient order.</summary>
    public List<PoolOfferMessageEntry> Entries { get; set; } = [];
}
