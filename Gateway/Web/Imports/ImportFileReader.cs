using System.Globalization;
using System.Text.Json;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>
/// Reads an uploaded import file as CSV (<see cref="CsvImportReader"/>) or as JSON: the body of
/// <c>POST /v1/interview-requests/batch</c>, <c>{"requests": [ … ]}</c>, each item judged by the batch validation as it stands.
/// </summary>
public static class ImportFileReader
{
    /// <summary>Reads the file: JSON when its name ends in <c>.json</c>, or it has no <c>.csv</c> ending and its first non-blank character is <c>{</c>; else CSV.</summary>
    /// <param name="content">The file's bytes, at most <see cref="ImportLimits.MaxBytes"/>.</param>
    /// <param name="fileName">The file's name as uploaded.</param>
    /// <returns>The rows, or the file error.</returns>
    public static ImportFile Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (content.LongLength > ImportLimits.MaxBytes)
        {
            return ImportFile.Failed(content, fileName, TooLarge);
        }

        if (content.Length == 0)
        {
            return ImportFile.Failed(content, fileName, "The file is empty.");
        }

        return IsJson(content, fileName) ? ReadJson(content, fileName) : CsvImportReader.Read(content, fileName);
    }

    /// <summary>The error for a file over <see cref="ImportLimits.MaxBytes"/>.</summary>
    public static string TooLarge { get; } = $"The file is larger than {ImportLimits.MaxBytes / 1_000_000} MB, the most the server takes in one request; split it into several files.";

    /// <summary>The error when a file holds more requests than a batch may.</summary>
    public static string TooManyRows { get; } =
        string.Create(CultureInfo.InvariantCulture, $"The file has more than {ImportLimits.MaxRows:N0} requests, the most one batch may hold; split it into several files.");

    private static ImportFile ReadJson(byte[] content, string fileName)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var requests = document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Where(p => string.Equals(p.Name, "requests", StringComparison.OrdinalIgnoreCase)).Select(p => p.Value).FirstOrDefault()
                : default;
            if (requests.ValueKind != JsonValueKind.Array)
            {
                return ImportFile.Failed(content, fileName, "A JSON file holds {\"requests\": [ … ]}, the body of POST /v1/interview-requests/batch.");
            }

            var count = requests.GetArrayLength();
            if (count == 0)
            {
                return ImportFile.Failed(content, fileName, "The file's \"requests\" is empty.");
            }

            if (count > ImportLimits.MaxRows)
            {
                return ImportFile.Failed(content, fileName, TooManyRows);
            }

            var rows = requests.EnumerateArray().Select((item, i) => new ImportRow(i + 1, null, item.Clone(), [])).ToList();
            return new ImportFile(ImportFile.IdOf(content), fileName, rows, null);
        }
        catch (JsonException ex)
        {
            return ImportFile.Failed(content, fileName, $"Not JSON: the text breaks off or is malformed near line {ex.LineNumber + 1}.");
        }
    }

    private static bool IsJson(byte[] content, string fileName)
    {
        if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var first = content.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).FirstOrDefault();
        return first == (byte)'{';
    }
}
