namespace Scheduler.Grains.Notifications;

/// <summary>
/// The durable inbox of a tenant's Slack interactions, key <c>{tenant}</c>. The webhook stores each verified button
/// press here before it answers Slack; the inbox then handles them in order, in turns of its own (a timer at once, a
/// durable reminder after a crash or a failure), each at most once per <see cref="SlackInteractionRecord.Id"/>.
/// </summary>
[Alias("Scheduler.Grains.ISlackInboxGrain")]
public interface ISlackInboxGrain : IGrainWithStringKey
{
    /// <summary>Stores the interactions (persisted before the call returns) and starts handling them.</summary>
    /// <param name="interactions">The interactions; each value's grain key must belong to this inbox's tenant.</param>
    /// <returns>How many were new; a redelivered interaction (same id) is left as it is and not counted.</returns>
    /// <exception cref="ArgumentException">An interaction lacks an id, action, value or user, its id is longer than 512 characters, or its value is not of this tenant. Nothing is stored.</exception>
    [Alias("Accept")]
    Task<int> Accept(IReadOnlyList<SlackInteractionRecord> interactions);

    /// <summary>Returns the stored interactions, oldest first (handled ones are kept for 24 hours).</summary>
    /// <returns>The items.</returns>
    [Alias("GetItems")]
    Task<IReadOnlyList<SlackInboxItem>> GetItems();
}
