namespace Scheduler.Gateway.Common;

/// <summary>Field paths as the <c>errors</c> of a problem document name them, e.g. <c>stages[0].durationMinutes</c>.</summary>
public static class FieldPath
{
    /// <summary>Converts a System.Text.Json path (<c>$.stages[0].durationMinutes</c>, <c>$['a b']</c>) to a field path.</summary>
    /// <param name="jsonPath">The JSON path; may be <see langword="null"/>.</param>
    /// <returns>The field path; <c>body</c> for the document itself.</returns>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Length == 0 ? "body" : path;
    }

    /// <summary>Joins a parent path and a member name.</summary>
    /// <param name="parent">The parent path; empty for the root.</param>
    /// <param name="member">The member name (camelCase).</param>
    /// <returns><c>parent.member</c>, or <c>member</c> at the root.</returns>
    public static string Member(string parent, string member) => parent.Length == 0 ? member : string.Concat(parent, ".", member);

    /// <summary>Appends an index.</summary>
    /// <param name="parent">The path of the array.</param>
    /// <param name="index">The zero-based index.</param>
    /// <returns><c>parent[index]</c>.</returns>
    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
