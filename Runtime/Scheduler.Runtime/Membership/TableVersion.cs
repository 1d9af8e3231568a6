namespace Scheduler.Runtime.Membership;

/// <summary>
/// The membership table's version row: a number that grows by one with every change to the set
/// or status of silos, and the ETag of the row. A writer reads the version, then writes with
/// <see cref="Next"/>; the write succeeds only if nobody changed the table in between.
/// </summary>
/// <param name="Version">The version number, 0 when the table has no version row yet.</param>
/// <param name="ETag">The version row's ETag as read; the empty string when the row does not exist yet.</param>
public sealed record TableVersion(int Version, string ETag)
{
    /// <summary>The version of a table that has never been written.</summary>
    public static TableVersion Initial { get; } = new(0, string.Empty);

    /// <summary>The version a write based on this read must pass: the number plus one, with the ETag as read.</summary>
    /// <returns>The next version.</returns>
    public TableVersion Next() => this with { Version = Version + 1 };
}
