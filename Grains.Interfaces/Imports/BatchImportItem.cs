namespace Scheduler.Grains.Imports;

/// <summary>What one row of an import became.</summary>
/// <param name="Row">The row's number in the file, from 1 (the first request).</param>
/// <param name="RequestId">The interview request it became; <see langword="null"/> when it could not be stored.</param>
/// <param name="Error">Why it could not be stored; <see langword="null"/> when stored.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Imports.BatchImportItem")]
public sealed record BatchImportItem([property: Id(0)] int Row, [property: Id(1)] string? RequestId, [property: Id(2)] string? Error);
