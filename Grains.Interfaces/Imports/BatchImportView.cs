namespace Scheduler.Grains.Imports;

/// <summary>The record of a batch import.</summary>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Rows">How many rows (requests) the file holds.</param>
/// <param name="StartedAt">When the import started (UTC).</param>
/// <param name="CompletedAt">When every row had been handed over (UTC); <see langword="null"/> while rows are still being accepted.</param>
/// <param name="Items">What each row became, in row order; empty until completed.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Imports.BatchImportView")]
public sealed record BatchImportView(
    [property: Id(0)] string FileName,
    [property: Id(1)] int Rows,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? CompletedAt,
    [property: Id(4)] IReadOnlyList<BatchImportItem> Items);
