using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>
/// Reads an import CSV (RFC 4180, by CsvHelper): a header of <see cref="ImportColumns"/> names, then one request per line.
/// Each row becomes a batch item holding the non-empty cells; a cell that is not a whole number or a date where one is
/// needed is reported and left out. The rules of the fields themselves are the batch validation's, not this reader's.
/// </summary>
public static class CsvImportReader
{
    /// <summary>Reads the rows.</summary>
    /// <param name="content">The file's bytes (UTF-8, with or without a byte order mark).</param>
    /// <param name="fileName">The file's name.</param>
    /// <returns>The rows, or the file error.</returns>
    public static ImportFile Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true };
        try
        {
            using var csv = CsvReader.Create(content, options);
            csv.ReadHeader();
            if (HeaderError(csv.Headers, out var columns) is { } headerError)
            {
                return ImportFile.Failed(content, fileName, headerError);
            }

            var rows = new List<ImportRow>();
            while (csv.Read())
            {
                if (rows.Count == ImportLimits.MaxRows)
                {
                    return ImportFile.Failed(content, fileName, ImportFileReader.TooManyRows);
                }

                rows.Add(ReadRow(csv, columns, rows.Count + 1));
            }

            return rows.Count == 0
                ? ImportFile.Failed(content, fileName, "The file has a header but no rows.")
                : new ImportFile(ImportFile.IdOf(content), fileName, rows, null);
        }
        catch (CsvFormatException ex)
        {
            return ImportFile.Failed(content, fileName, $"Not a CSV file this page can read: {ex.Message}");
        }
    }

    private static string? HeaderError(IReadOnlyList<string> headers, out ImportColumn[] found)
    {
        var columns = new ImportColumn[headers.Count];
        found = columns;
        var unknown = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (ImportColumns.Named(headers[i]) is { } column)
            {
                if (Array.IndexOf(columns, column) >= 0)
                {
                    return $"The column '{FieldRules.Echo(column.Name)}' appears twice in the header.";
                }

                columns[i] = column;
            }
            else
            {
                unknown.Add(headers[i]);
            }
        }

        if (unknown.Count > 0)
        {
            return $"Unknown column(s) {string.Join(", ", unknown.Select(u => $"'{FieldRules.Echo(u)}'"))}; the columns are {string.Join(", ", ImportColumns.All.Select(c => c.Name))}.";
        }

        var missing = ImportColumns.All.Where(c => c.Required && Array.IndexOf(columns, c) < 0).Select(c => c.Name).ToList();
        return missing.Count > 0 ? $"The header lacks the required column(s) {string.Join(", ", missing)}." : null;
    }

    private static ImportRow ReadRow(CsvReader csv, ImportColumn[] columns, int number)
    {
        var line = csv.LineNumber;
        var errors = new List<ImportError>();
        var item = new JsonObject();
        if (csv.FieldCount != columns.Length)
        {
            errors.Add(new ImportError(number, line, "row", $"The row has {csv.FieldCount} fields; the header has {columns.Length}."));
        }

        for (var i = 0; i < Math.Min(csv.FieldCount, columns.Length); i++)
        {
            var text = csv.GetString(i);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (ValueOf(columns[i], text.Trim()) is { } value)
            {
                Place(item, columns[i].ApiPath, value);
            }
            else
            {
                errors.Add(new ImportError(number, line, columns[i].Name, FormatMessage(columns[i].Kind)));
            }
        }

        return new ImportRow(number, line, JsonSerializer.SerializeToElement(item), errors);
    }

    /// <summary>The JSON value of a cell, or <see langword="null"/> when its text is not of the column's kind.</summary>
    private static JsonNode? ValueOf(ImportColumn column, string text)
    {
        switch (column.Kind)
        {
            case ImportColumnKind.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null;
            case ImportColumnKind.Instant:
                // Read by System.Text.Json's own date parser, the one that reads the API's bodies.
                return JsonSerializer.SerializeToElement(text).TryGetDateTimeOffset(out _) ? JsonValue.Create(text) : null;
            case ImportColumnKind.List:
                return new JsonArray([.. text.Split(ImportColumns.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode?)JsonValue.Create(v))]);
            default:
                return JsonValue.Create(text);
        }
    }

    private static string FormatMessage(ImportColumnKind kind) => kind switch
    {
        ImportColumnKind.Integer => "Not a whole number.",
        _ => "Not a date and time with offset (RFC 3339, e.g. 2026-03-02T09:00:00Z).",
    };

    /// <summary>Puts <paramref name="value"/> at a path of members and <c>[0]</c> indexes (the columns only use index 0), creating what is missing.</summary>
    private static void Place(JsonObject item, string path, JsonNode value)
    {
        JsonNode parent = item;
        var parts = path.Split('.');
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            var indexed = part.EndsWith("[0]", StringComparison.Ordinal);
            var name = indexed ? part[..^3] : part;
            var last = p == parts.Length - 1;
            var node = (JsonObject)parent;
            if (!indexed)
            {
                if (last)
                {
                    node[name] = value;
                    return;
                }

                parent = node[name] ??= new JsonObject();
                continue;
            }

            var array = (JsonArray)(node[name] ??= new JsonArray());
            if (array.Count == 0)
            {
                array.Add(new JsonObject());
            }

            parent = array[0]!;
        }
    }
}
