using System.Security.Cryptography;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>An import file read into batch items (<see cref="ImportFileReader"/>), or why it could not be read.</summary>
/// <param name="Id">The import's id: <c>import-</c> and the first 32 hex digits of the SHA-256 of the file's bytes, so the same file is the same import.</param>
/// <param name="FileName">The file's name as uploaded.</param>
/// <param name="Rows">The requests read, in file order; empty when <paramref name="FileError"/> is set.</param>
/// <param name="FileError">Why the file as a whole cannot be imported (not CSV or JSON, a bad header, too many rows); otherwise <see langword="null"/>.</param>
public sealed record ImportFile(string Id, string FileName, IReadOnlyList<ImportRow> Rows, string? FileError)
{
    /// <summary>The import id of a file's content.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The id (41 characters, a valid id by the API's rules).</returns>
    public static string IdOf(ReadOnlySpan<byte> content) => "import-" + Convert.ToHexStringLower(SHA256.HashData(content))[..32];

    /// <summary>A file that cannot be imported.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The file's name.</param>
    /// <param name="error">Why.</param>
    /// <returns>The file with no rows.</returns>
    public static ImportFile Failed(ReadOnlySpan<byte> content, string fileName, string error) => new(IdOf(content), fileName, [], error);
}
