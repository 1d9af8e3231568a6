namespace Scheduler.Grains.Notifications;

/// <summary>
/// The Slack messages of one first-to-accept pool offer, key <c>{tenant}/{poolId}/{offerId}</c>: posts the offer to
/// every recipient that has a Slack user id, records each message's <c>channel</c> and <c>ts</c>, and once the pool
/// decides the offer replaces each message (<c>chat.update</c>) with the outcome for that member. Durable: posts and
/// updates are persisted before they are made and retried with backoff until Slack takes them.
/// </summary>
[Alias("Scheduler.Grains.IPoolOfferMessagesGrain")]
public interface IPoolOfferMessagesGrain : IGrainWithStringKey
{
    /// <summary>Posts the offer to its recipients (idempotent: a member already posted to is not posted to again).</summary>
    /// <param name="title">What the interview is, shown in the messages, e.g. "Interview: Ada Lovelace – screen"; 1–200 characters.</param>
    /// <returns>The members' messages as stored (posting continues in the background).</returns>
    /// <exception cref="ArgumentException">The title is empty or longer than 200 characters.</exception>
    /// <exception cref="InvalidOperationException">The pool has no such offer.</exception>
    [Alias("Post")]
    Task<IReadOnlyList<PoolOfferMessage>> Post(string title);

    /// <summary>Reads the offer's state from the pool and updates the messages of every member it was decided for (won, taken, withdrawn). Cheap and harmless when nothing was posted.</summary>
    /// <returns>A task that completes when the decisions are stored (the updates continue in the background).</returns>
    [Alias("Refresh")]
    Task Refresh();

    /// <summary>Returns the members' messages.</summary>
    /// <returns>The messages, in recipient order.</returns>
    [Alias("GetMessages")]
    Task<IReadOnlyList<PoolOfferMessage>> GetMessages();
}
