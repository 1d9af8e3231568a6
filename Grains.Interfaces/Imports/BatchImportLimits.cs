namespace Scheduler.Grains.Imports;

/// <summary>The bounds of a batch import record (<see cref="IBatchImportGrain"/>).</summary>
public static class BatchImportLimits
{
    /// <summary>The most rows an import may have: the batch route's limit of 10,000 requests.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The longest file name kept, in characters.</summary>
    public const int MaxFileNameLength = 255;
}
