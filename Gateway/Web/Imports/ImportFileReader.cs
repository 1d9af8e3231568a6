namespace Scheduler.Gateway.Web.Imports;

/// <summary>Reads an uploaded import file as CSV (<see cref="CsvImportReader"/>) or JSON (<see cref="JsonImportReader"/>).</summary>
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

        return IsJson(content, fileName) ? JsonImportReader.Read(content, fileName) : CsvImportReader.Read(content, fileName);
    }

    /// <summary>The error for a file over <see cref="ImportLimits.MaxBytes"/>.</summary>
    public static string TooLarge { get; } = $"The file is larger than {ImportLimits.MaxBytes / 1_000_000} MB, the most the server takes in one request; split it into several files.";

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
