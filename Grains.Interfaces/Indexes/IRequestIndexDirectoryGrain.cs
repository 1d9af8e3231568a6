using Orleans.Concurrency;

namespace Scheduler.Grains.Indexes;

/// <summary>
/// The days on which a tenant has requests, key <c>{tenant}</c>: lets a list walk the index's day
/// shards (<see cref="RequestIndexKeys"/>) in order without probing days that have none. Small: one
/// entry per day with at least one request. It also keeps the index's <see cref="Version"/>, which the
/// shards move on when their content changes, so a reader that polls can tell that nothing changed
/// without reading a shard.
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

    /// <summary>
    /// Announces that a shard's content changed: moves the <see cref="Version"/> on. A shard calls it after it changed in
    /// memory (at most once per flush period, <c>RequestIndexGrain.FlushPeriod</c>) and when it activates with stored summaries.
    /// </summary>
    /// <returns>A task that completes once the version has moved.</returns>
    [AlwaysInterleave]
    [Alias("Changed")]
    Task Changed();

    /// <summary>
    /// The index's version: read it before reading the shards; while it stays equal, nothing read after it has changed. A
    /// change shows in the shards at once and in the version within a flush period.
    /// </summary>
    /// <returns>The version.</returns>
    [AlwaysInterleave]
    [Alias("Version")]
    Task<RequestIndexVersion> Version();
}
