namespace Scheduler.Runtime.Reminders;

/// <summary>
/// Durable storage of reminders. Rows are keyed by service id, grain id and reminder name, and
/// carry the grain id's <see cref="GrainId.GetUniformHashCode"/> so that a cluster can partition
/// them into hash ranges served by different silos.
/// </summary>
public interface IReminderTable
{
    /// <summary>Reads the reminders whose grain hash lies in the ring range (<paramref name="beginHash"/>, <paramref name="endHash"/>].</summary>
    /// <param name="beginHash">Exclusive start of the range.</param>
    /// <param name="endHash">Inclusive end of the range; when not greater than <paramref name="beginHash"/> the range wraps around; when equal, it is the whole ring.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reminders, in no particular order.</returns>
    Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint beginHash, uint endHash, CancellationToken cancellationToken);

    /// <summary>Reads the reminders of one grain.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Its reminders, in name order.</returns>
    Task<IReadOnlyList<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Reads one reminder.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reminder, or <see langword="null"/>.</returns>
    Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a reminder unconditionally.</summary>
    /// <param name="entry">The reminder; its <see cref="ReminderEntry.ETag"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the write before it is submitted.</param>
    /// <returns>The new ETag.</returns>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Sets the next due time of a reminder if its ETag is still <paramref name="expectedETag"/>.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="nextDue">The new next due time (UTC).</param>
    /// <param name="expectedETag">The ETag last seen.</param>
    /// <param name="cancellationToken">Cancels the write before it is submitted.</param>
    /// <returns>The new ETag, or <see langword="null"/> when the reminder changed or was removed meanwhile (nothing written).</returns>
    Task<string?> UpdateNextDueAsync(GrainId grainId, string reminderName, DateTimeOffset nextDue, string expectedETag, CancellationToken cancellationToken);

    /// <summary>Removes a reminder, if <paramref name="expectedETag"/> is <see langword="null"/> unconditionally, otherwise only if its ETag matches.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="reminderName">The reminder's name.</param>
    /// <param name="expectedETag">The ETag last seen, or <see langword="null"/> to remove whatever is stored.</param>
    /// <param name="cancellationToken">Cancels the removal before it is submitted.</param>
    /// <returns>Whether a row was removed.</returns>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, string? expectedETag, CancellationToken cancellationToken);
}
