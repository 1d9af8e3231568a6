namespace Scheduler.Grains.Notifications.Offers;

/// <summary>The durable state of a <see cref="PoolOfferMessagesGrain"/> (JSON), state name <c>offermessages</c>.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Notifications.PoolOfferMessagesState")]
public sealed class PoolOfferMessagesState
{
    /// <summary>The interview title shown in the messages; <see langword="null"/> until posted.</summary>
    [Id(0)]
    public string? Title { get; set; }

    /// <summary>The members' messages, in recipient order.</summary>
    [Id(1)]
    public List<PoolOfferMessageEntry> Entries { get; set; } = [];
}
