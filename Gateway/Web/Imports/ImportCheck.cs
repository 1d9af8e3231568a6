using Scheduler.Gateway.InterviewRequests;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>An import file judged row by row before anything is sent (<see cref="BatchImporter.CheckAsync"/>).</summary>
/// <param name="File">The file.</param>
/// <param name="Errors">Every error: of the file as a whole (row 0), of a cell's format, or of the batch validation; in row order.</param>
/// <param name="Validation">The batch validation of the rows; <see langword="null"/> when the file could not be read or the viewer may not import.</param>
public sealed record ImportCheck(ImportFile File, IReadOnlyList<ImportError> Errors, BatchValidation? Validation)
{
    /// <summary>Whether the import may be sent: every row is valid. Nothing is sent while any row is invalid.</summary>
    public bool IsValid => Errors.Count == 0 && Validation is { IsValid: true };

    /// <summary>The check of a file that cannot be imported as a whole (<see cref="ImportFile.FileError"/>, or a refusal).</summary>
    /// <param name="file">The file.</param>
    /// <param name="error">Why.</param>
    /// <returns>The check, with the one error on row 0.</returns>
    public static ImportCheck Rejected(ImportFile file, string error) => new(file, [new ImportError(0, null, "file", error)], null);

    /// <summary>How many rows have at least one error.</summary>
    public int InvalidRows => Errors.Where(e => e.Row > 0).Select(e => e.Row).Distinct().Count();
}
