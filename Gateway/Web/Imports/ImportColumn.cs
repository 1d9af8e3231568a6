namespace Scheduler.Gateway.Web.Imports;

/// <summary>One column of the import CSV: its header name, the field of the batch item it fills, and what it holds.</summary>
/// <param name="Name">The header name (matched without regard to case).</param>
/// <param name="ApiPath">The field path within an item of <c>POST /v1/interview-requests/batch</c>, e.g. <c>stages[0].durationMinutes</c>.</param>
/// <param name="Kind">How the cell's text is read.</param>
/// <param name="Required">Whether the header must have the column (the API requires the field).</param>
/// <param name="Description">What the column holds, for the page and the docs.</param>
public sealed record ImportColumn(string Name, string ApiPath, ImportColumnKind Kind, bool Required, string Description)
{
    /// <summary>Whether an error on the API field <paramref name="path"/> is about this column (the path is the column's field or inside it).</summary>
    /// <param name="path">A field path of a validation error.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Covers(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith(ApiPath, StringComparison.Ordinal) && (path.Length == ApiPath.Length || path[ApiPath.Length] is '.' or '[');
    }
}
