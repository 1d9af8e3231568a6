namespace Scheduler.Cluster.Tests;

/// <summary>
/// Reads the silo processes' console logs (<c>*.log</c> under the cluster's data directory, written by
/// <see cref="ChaosSilo"/>) so a failure names what the silos said about the requests it is about.
/// </summary>
internal static class SiloLogs
{
    /// <summary>Lines after a match kept with it: the console logger writes the message, then the exception's stack.</summary>
    private const int LinesAfter = 8;

    /// <summary>
    /// The log entries mentioning any of <paramref name="terms"/>, each as the line before the match (the logger's level and
    /// category), the match and the <see cref="LinesAfter"/> lines after it, prefixed by the log's file name; at most
    /// <paramref name="maxEntries"/> entries per term, the latest ones.
    /// </summary>
    /// <param name="directory">The cluster's data directory.</param>
    /// <param name="terms">What to look for, e.g. request ids.</param>
    /// <param name="maxEntries">Entries kept per term, at least 1.</param>
    /// <returns>The excerpts, one block per entry; empty when nothing matched.</returns>
    public static string Excerpts(string directory, IEnumerable<string> terms, int maxEntries = 5)
    {
        var logs = Directory.GetFiles(directory, "*.log", SearchOption.AllDirectories)
            .Select(path => (Name: Path.GetFileName(path), Lines: ReadShared(path)))
            .ToList();
        var blocks = new List<string>();
        foreach (var term in terms)
        {
            var entries = logs
                .SelectMany(log => log.Lines
                    .Select((line, index) => (line, index))
                    .Where(l => l.line.Contains(term, StringComparison.Ordinal))
                    .Select(l => $"[{log.Name}]\n" + string.Join("\n", log.Lines.Skip(Math.Max(0, l.index - 1)).Take(LinesAfter + 2))))
                .TakeLast(maxEntries);
            blocks.AddRange(entries);
        }

        return string.Join("\n", blocks);
    }

    /// <summary>Reads a log the silo process may still be writing.</summary>
    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }
}
