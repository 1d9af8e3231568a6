namespace Scheduler.Deploy.Tests;

/// <summary>A Dockerfile read as instructions (continuation lines joined, comments dropped).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Keyword, string Arguments)> instructions)
    {
        Instructions = instructions;
    }

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    public static Dockerfile Load(string name)
    {
        var joined = Regex.Replace(Repository.Read("deploy", "docker", name), "\\\\\\r?\\n", " ");
        var instructions = joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2) is [var keyword, var rest] ? (keyword.ToUpperInvariant(), rest.Trim()) : (line.ToUpperInvariant(), string.Empty))
            .ToList();
        return new Dockerfile(instructions);
    }

    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>Instructions of the last stage (after the last FROM).</summary>
    public Dockerfile FinalStage()
    {
        var last = Instructions.Select((instruction, index) => (instruction, index)).Last(x => x.instruction.Keyword == "FROM").index;
        return new Dockerfile([.. Instructions.Skip(last)]);
    }

    /// <summary>Variables set by ENV (<c>KEY=value</c> pairs) in these instructions.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arguments in All("ENV"))
        {
            foreach (Match pair in Regex.Matches(arguments, "(\\w+)=(\\S+)"))
            {
                values[pair.Groups[1].Value] = pair.Groups[2].Value;
            }
        }

        return values;
    }
}
