namespace Scheduler.Grains.Indexes;

/// <summary>
/// The days on which a tenant has requests, key <c>{tenant}</c>: lets a list walk the index's day
/// shards (<see cref="RequestIndexKeys"/>) in order without probing days that have none. Small: one
/// entry per day with at least one request.
/// </summary>
[Alias("Scheduler.Grains.IRequestIndexDirectoryGrain")]
public interface IRequestIndexDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Records that the day has requests; idempotent. Called by an index shard before it stores its first summary.</summary>
    /// <param name="day">The UTC creation day.</param>
    /// <returns>A task that completes once the day is durably recorded.</returns>
    [Alias("AddDay")]
    Task AddDay(DateOnly day);

    /// <summary>The recorded days, oldest first.</summary>
    /// <returns>The days.</returns>
    [Alias("Days")]
    Task<IReadOnlyList<DateOnly>> Days();
}
