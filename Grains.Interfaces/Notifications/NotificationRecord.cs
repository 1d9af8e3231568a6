namespace Scheduler.Grains.Notifications;

/// <summary>One message of the outbox, as shown in a request's history.</summary>
/// <param name="Key">The exactly-once key: <c>{kind}[-{minutes}]/{sequence}/{recipientId}/{channel}</c>.</param>
/// <param name="Kind">What it announces.</param>
/// <param name="Sequence">The interview revision it belongs to.</param>
/// <param name="RecipientId">The recipient's id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="EnqueuedAt">When it was persisted.</param>
/// <param name="Attempts">Delivery attempts made so far (0 or more).</param>
/// <param name="SentAt">When it was accepted by the server, or <see langword="null"/>.</param>
/// <param name="MessageId">The email <c>Message-ID</c> (RFC 5322 §3.6.4) or the Slack message <c>ts</c>, once known.</param>
/// <param name="LastError">The last failure or skip reason, or <see langword="null"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.NotificationRecord")]
public sealed record NotificationRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] NotificationKind Kind,
    [property: Id(2)] int Sequence,
    [property: Id(3)] string RecipientId,
    [property: Id(4)] NotificationChannel Channel,
    [property: Id(5)] NotificationStatus Status,
    [property: Id(6)] DateTimeOffset EnqueuedAt,
    [property: Id(7)] int Attempts,
    [property: Id(8)] DateTimeOffset? SentAt,
    [property: Id(9)] string? MessageId,
    [property: Id(10)] string? LastError);
