namespace Scheduler.Deploy.Tests;

/// <summary>
/// A small, HCL-aware reading of deploy/terraform/*.tf as text: blocks by their header with
/// balanced braces or brackets (strings and comments skipped), attributes by name, variable
/// defaults, and the <c>{ name = "...", value = ... }</c> entries of container definitions.
/// </summary>
internal sealed partial class Terraform
{
    private Terraform(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public static Terraform Load()
    {
        var directory = Repository.PathOf("deploy", "terraform");
        var files = Directory.GetFiles(directory, "*.tf").Order(StringComparer.Ordinal);
        return new Terraform(string.Join("\n", files.Select(File.ReadAllText)));
    }

    /// <summary>The body of <c>resource "type" "name" { ... }</c>.</summary>
    public string Resource(string type, string name) => Body($"resource\\s+\"{Regex.Escape(type)}\"\\s+\"{Regex.Escape(name)}\"\\s*\\{{");

    /// <summary>Names of every resource of a type.</summary>
    public IReadOnlyList<string> ResourceNames(string type) =>
        [.. Regex.Matches(Text, $"resource\\s+\"{Regex.Escape(type)}\"\\s+\"(\\w+)\"").Select(m => m.Groups[1].Value)];

    /// <summary>The body of <c>data "type" "name" { ... }</c>.</summary>
    public string Data(string type, string name) => Body($"data\\s+\"{Regex.Escape(type)}\"\\s+\"{Regex.Escape(name)}\"\\s*\\{{");

    /// <summary>The default of <c>variable "name"</c>, unquoted.</summary>
    public string VariableDefault(string name) => Unquote(Attribute(Body($"variable\\s+\"{Regex.Escape(name)}\"\\s*\\{{"), "default"));

    /// <summary>The raw expression of a local value (first definition of <c>name = ...</c> inside a locals block).</summary>
    public string Local(string name)
    {
        foreach (Match locals in Regex.Matches(Text, "(?m)^locals\\s*\\{"))
        {
            var body = Balanced(Text, locals.Index + locals.Length - 1);
            var match = Regex.Match(body, $"(?m)^\\s*{Regex.Escape(name)}\\s*=\\s*");
            if (match.Success)
            {
                var start = match.Index + match.Length;
                if (body[start] is '[' or '{')
                {
                    return Balanced(body, start);
                }

                var call = Regex.Match(body[start..], "^\\w+\\(");
                return call.Success ? Balanced(body, start + call.Length - 1) : body[start..].Split('\n')[0].Trim();
            }
        }

        throw new KeyNotFoundException($"local.{name} is not defined.");
    }

    /// <summary>A local value resolved as in <see cref="Resolve"/>.</summary>
    public string LocalResolved(string name) => Resolve(Local(name));

    /// <summary>
    /// The value of a simple expression: a quoted string (with <c>${var.x}</c> and <c>${local.x}</c>
    /// interpolations resolved), a number, <c>var.x</c> (its default) or <c>local.x</c>.
    /// </summary>
    public string Resolve(string expression)
    {
        expression = expression.Trim();
        if (expression.StartsWith("var.", StringComparison.Ordinal))
        {
            return VariableDefault(expression[4..]);
        }

        if (expression.StartsWith("local.", StringComparison.Ordinal))
        {
            return Resolve(Local(expression[6..]));
        }

        return Regex.Replace(Unquote(expression), "\\$\\{((?:var|local)\\.\\w+)\\}", m => Resolve(m.Groups[1].Value));
    }

    /// <summary>Entries <c>{ name = "N", value = V }</c> (or <c>valueFrom</c>) in a text; values raw.</summary>
    public static IReadOnlyList<(string Name, string Key, string Value)> NameValueEntries(string text) =>
        [.. EntryPattern().Matches(text).Select(m => (m.Groups["name"].Value, m.Groups["key"].Value, m.Groups["value"].Value.Trim()))];

    /// <summary>The raw expression of the first attribute with that name directly in a body.</summary>
    public static string Attribute(string body, string name)
    {
        var match = Regex.Match(body, $"(?m)^\\s*{Regex.Escape(name)}\\s*=\\s*(.+?)\\s*$");
        return match.Success ? match.Groups[1].Value : throw new KeyNotFoundException($"No attribute {name}.");
    }

    /// <summary>Bodies of nested blocks <c>name { ... }</c>.</summary>
    public static IReadOnlyList<string> Blocks(string body, string name) =>
        [.. Regex.Matches(body, $"(?m)^\\s*{Regex.Escape(name)}\\s*\\{{").Select(m => Balanced(body, m.Index + m.Length - 1))];

    public static string Unquote(string expression) =>
        expression.Length >= 2 && expression[0] == '"' && expression[^1] == '"' ? expression[1..^1] : expression;

    private string Body(string headerPattern)
    {
        var match = Regex.Match(Text, headerPattern);
        return match.Success ? Balanced(Text, match.Index + match.Length - 1) : throw new KeyNotFoundException($"No block matches {headerPattern}.");
    }

    /// <summary>The text between the bracket at <paramref name="open"/> and its partner, skipping strings and comments.</summary>
    private static string Balanced(string text, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length;
                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[' or '(':
                    depth++;
                    break;
                case '}' or ']' or ')':
                    depth--;
                    if (depth == 0)
                    {
                        return text[(open + 1)..i];
                    }

                    break;
            }
        }

        throw new FormatException($"Unbalanced bracket at offset {open}.");
    }

    [GeneratedRegex("\\{\\s*name\\s*=\\s*\"(?<name>[^\"]+)\"\\s*,\\s*(?<key>value|valueFrom)\\s*=\\s*(?<value>\"(?:[^\"\\\\]|\\\\.)*\"|[\\w.\\[\\]]+)\\s*\\}")]
    private static partial Regex EntryPattern();
}
