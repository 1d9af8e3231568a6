namespace Scheduler.Gateway.Web.Imports;

/// <summary>An import being handed to the batch submitter in this process: how many of its rows have been stored so far. Safe for concurrent use.</summary>
/// <param name="total">How many rows are being sent.</param>
public sealed class ImportRun(int total)
{
    private int _handled;

    /// <summary>How many rows are being sent.</summary>
    public int Total { get; } = total;

    /// <summary>How many rows the submitter has finished with (stored, or failed to store).</summary>
    public int Handled => Volatile.Read(ref _handled);

    /// <summary>Why the run stopped before every row was handed over; <see langword="null"/> while running or when done.</summary>
    public string? Failure { get; private set; }

    /// <summary>Counts one row as handled.</summary>
    public void Advance() => Interlocked.Increment(ref _handled);

    /// <summary>Records why the run stopped.</summary>
    /// <param name="failure">A sentence for the person.</param>
    public void Fail(string failure) => Failure = failure;
}
