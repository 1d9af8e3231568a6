namespace Scheduler.Grains.Imports;

/// <summary>The durable state of a batch import grain.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Imports.BatchImportState")]
public sealed class BatchImportState
{
    /// <summary>The record; <see langword="null"/> until started.</summary>
    [Id(0)]
    public BatchImportView? Import { get; set; }
}
