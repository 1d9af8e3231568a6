using Orleans.Concurrency;

namespace Scheduler.Grains.Imports;

/// <summary>
/// The record of one batch import from the web app, key <c>{tenant}/{importId}</c>: the file, how many rows it had, and,
/// once every row has been handed to the batch submitter, which request each row became. It lets a person who reloads
/// the import's page, or opens it later, follow the requests as they settle.
/// </summary>
[Alias("Scheduler.Grains.IBatchImportGrain")]
public interface IBatchImportGrain : IGrainWithStringKey
{
    /// <summary>Records that the import started; a second start of the same import keeps the first record's time and rows.</summary>
    /// <param name="fileName">The uploaded file's name, at most 255 characters.</param>
    /// <param name="rows">How many rows (requests) the file holds, 1–10,000.</param>
    /// <param name="at">When (UTC).</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentException">The file name is empty or too long, or the row count is out of range.</exception>
    [Alias("Start")]
    Task<BatchImportView> Start(string fileName, int rows, DateTimeOffset at);

    /// <summary>Records what each row became; replaces an earlier completion (a resumed import names the same requests again).</summary>
    /// <param name="items">One item per row, in row order; as many as the rows started with.</param>
    /// <param name="at">When (UTC).</param>
    /// <returns>The record.</returns>
    /// <exception cref="InvalidOperationException">The import was never started.</exception>
    /// <exception cref="ArgumentException">The item count differs from the rows started with.</exception>
    [Alias("Complete")]
    Task<BatchImportView> Complete(IReadOnlyList<BatchImportItem> items, DateTimeOffset at);

    /// <summary>The record.</summary>
    /// <returns>The record, or <see langword="null"/> when no import of this id started.</returns>
    [Alias("Get"), AlwaysInterleave]
    Task<BatchImportView?> Get();
}
