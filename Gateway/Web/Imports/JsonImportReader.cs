using System.Text.Json;

namespace Scheduler.Gateway.Web.Imports;

/// <summary>Reads an import JSON file: the body of <c>POST /v1/interview-requests/batch</c>, <c>{"requests": [ … ]}</c>. Each item is judged by the batch validation as it stands.</summary>
public static class JsonImportReader
{
    /// <summary>Reads the items.</summary>
    /// <param name="content">The file's bytes (UTF-8).</param>
    /// <param name="fileName">The file's name.</param>
    /// <returns>The rows, or the file error.</returns>
    public static ImportFile Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
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
                return ImportFile.Failed(content, fileName, CsvImportReader.TooManyRows);
            }

            var rows = requests.EnumerateArray().Select((item, i) => new ImportRow(i + 1, null, item.Clone(), [])).ToList();
            return new ImportFile(ImportFile.IdOf(content), fileName, rows, null);
        }
        catch (JsonException ex)
        {
            return ImportFile.Failed(content, fileName, $"Not JSON: the text breaks off or is malformed near line {ex.LineNumber + 1}.");
        }
    }
}
