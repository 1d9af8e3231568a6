namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// Generators that spoil a well-formed JSON body: as bytes (<see cref="Malformed"/>: truncated, wrong nesting,
/// trailing garbage, deep nesting, NUL bytes, invalid UTF-8, lone surrogates, JSON extensions), by value
/// (<see cref="WrongType"/>: a string for a number, an array for an object, null where required, numbers for enums)
/// and by size (<see cref="Oversize"/>: megabyte strings, arrays past every limit, numbers beyond long).
/// </summary>
internal static class HostileJson
{
    private static readonly string[] Trailers = ["}", "]]", "garbage", ",", "{}", " 1", "\n{\"a\":1}", "\"", "\\", "// comment", "\u0000", "\u2028"];

    private static readonly string[] Literals =
    [
        "", " ", "\n", "null", "true", "0", "-1", "\"x\"", "[]", "{", "}", "[", "]", "{\"a\":}", "{'a':1}", "{a:1}", "{\"a\":1,}", "[1,]", "{\"a\":NaN}",
        "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"displayName\":\"\\ud800\"}", "{\"displayName\":\"\\udc00x\\ud800\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u00\"}",
        "{\"a\":01}", "{\"a\":0x10}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":1.}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[}", "{]",
        "{\"a\":[1,2}", "{\"a\":{\"b\":1]}", "\"\\", "{\"a\":\"unterminated", "{\"requests\":[{},{}]", "{\"candidateId\":\"cand\"}}", "{}{}", "[][]",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ];

    /// <summary>Bytes that are not valid JSON, or not valid UTF-8, or JSON nested deeper than any reader allows, derived from <paramref name="valid"/>.</summary>
    /// <param name="valid">The well-formed body.</param>
    /// <param name="optional">Whether the route's body is optional: then a literal that is valid JSON (<c>null</c>, <c>{}</c>) would be accepted, so none is drawn.</param>
    public static Gen<byte[]> Malformed(string valid, bool optional) => Gen.OneOf(
        Gen.Choose(1, Math.Max(1, valid.Length - 1)).Select(n => Utf8(valid[..n])),
        Gen.Elements(Trailers).Select(t => Utf8(valid + t)),
        Gen.Elements(Trailers).Select(t => Utf8(t + valid)),
        Gen.Choose(0, Math.Max(0, valid.Length - 1)).Select(i => Utf8(SwapBracket(valid, i))),
        Gen.Elements(64, 65, 256, 1000, 100_000).Select(DeepArrays),
        Gen.Elements(64, 65, 1000, 20_000).Select(n => Utf8(Nest(valid, n))),
        Gen.Choose(0, valid.Length).Select(i => Insert(Utf8(valid), i, [0])),
        Gen.Choose(0, valid.Length).SelectMany(i => Gen.Elements(BadUtf8).Select(bad => Insert(Utf8(valid), InsideString(valid, i), bad))),
        Gen.Choose(0, valid.Length).Select(i => Utf8(Escape(valid, InsideString(valid, i), "\\ud800"))),
        Gen.Elements(optional ? Literals.Where(l => !IsJson(l)).ToArray() : Literals).Select(Utf8),
        Gen.Constant(Encoding.Unicode.GetBytes(valid)),
        Gen.Constant(Encoding.UTF32.GetBytes(valid)),
        Gen.Constant((byte[])[0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8(valid)]),
        Gen.Constant(Utf8("/* comment */" + valid)),
        Gen.Constant(Utf8(valid.Replace("\"", "'", StringComparison.Ordinal))),
        Gen.Constant(Utf8(valid.Replace(":", ":\u0000", StringComparison.Ordinal))));

    /// <summary>The body with one value replaced by one of the wrong type (or the whole body replaced by a wrong kind of value).</summary>
    /// <param name="template">The well-formed body.</param>
    /// <param name="required">Paths that must not be null.</param>
    /// <param name="optional">Whether the whole body is optional (a <c>null</c> body is then no body, which the route accepts).</param>
    public static Gen<JsonNode?> WrongType(JsonNode template, IReadOnlyList<string> required, bool optional)
    {
        var locations = Locations(template);
        var whole = Gen.Elements<JsonNode?>(optional ? JsonValue.Create("null") : null, new JsonArray(), JsonValue.Create("body"), JsonValue.Create(42), JsonValue.Create(true), new JsonArray(template.DeepClone()),
            template is JsonArray ? new JsonObject() : new JsonArray(new JsonObject()));
        var nulls = required.Count == 0 ? whole : Gen.Elements(required.ToArray()).Select(path => Replace(template, path, null));
        var leaf = Gen.Choose(0, locations.Count - 1).SelectMany(i => Gen.Elements(WrongValues(locations[i].Value)).Select(value => Replace(template, locations[i].Path, value)));
        return Gen.Frequency((8, leaf), (1, whole), (1, nulls));
    }

    /// <summary>The body with one value made huge: a string of up to 1 MB, an array past every documented limit, a number beyond long or double.</summary>
    /// <param name="template">The well-formed body.</param>
    /// <param name="keep">Paths left as they are (a batch's <c>requests</c>: repeating a valid item would submit thousands).</param>
    public static Gen<JsonNode?> Oversize(JsonNode template, IReadOnlyList<string> keep)
    {
        var locations = Locations(template).Where(l => !keep.Contains(l.Path)).ToList();
        return Gen.Choose(0, locations.Count - 1).SelectMany(i =>
        {
            var (path, value) = locations[i];
            return value switch
            {
                JsonArray array => Gen.Elements(51, 367, 501, 10_001, 60_000).Select(n => Replace(template, path, Repeat(array, n))),
                JsonObject => Gen.Elements(10_000, HostileValues.Megabyte).Select(n => Replace(template, path, JsonValue.Create(HostileValues.Filler(n)))),
                JsonValue v when v.TryGetValue<string>(out _) => Gen.Elements(501, 2_049, 10_000, HostileValues.Megabyte).Select(n => Replace(template, path, JsonValue.Create(HostileValues.Filler(n)))),
                _ => Gen.Elements("2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999", "1e400", "-1e400", "1.5", "1e-400", "4.9e-324")
                    .Select(raw => Replace(template, path, JsonNode.Parse(raw))),
            };
        });
    }

    /// <summary>Every value in <paramref name="root"/> with its path (<c>stages[0].durationMinutes</c>, <c>[0].start</c>), the root excluded.</summary>
    public static IReadOnlyList<(string Path, JsonNode? Value)> Locations(JsonNode root)
    {
        var found = new List<(string, JsonNode?)>();
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o)
                    {
                        var childPath = path.Length == 0 ? name : $"{path}.{name}";
                        found.Add((childPath, child));
                        Walk(child, childPath);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        found.Add(($"{path}[{i}]", a[i]));
                        Walk(a[i], $"{path}[{i}]");
                    }

                    break;
            }
        }

        Walk(root, string.Empty);
        return found;
    }

    /// <summary>A copy of <paramref name="root"/> with the value at <paramref name="path"/> (as <see cref="Locations"/> names it) replaced.</summary>
    public static JsonNode? Replace(JsonNode root, string path, JsonNode? value)
    {
        var copy = root.DeepClone();
        value = value?.Parent is null ? value : value.DeepClone();
        var parentPath = path.EndsWith(']') ? path[..path.LastIndexOf('[')] : path.Contains('.', StringComparison.Ordinal) ? path[..path.LastIndexOf('.')] : string.Empty;
        var parent = parentPath.Length == 0 ? copy : Locations(copy).First(l => l.Path == parentPath).Value!;
        if (path.EndsWith(']'))
        {
            var index = int.Parse(path[(path.LastIndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[path[(path.LastIndexOf('.') + 1)..]] = value;
        }

        return copy;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Utf8(JsonNode? node) => Utf8(node?.ToJsonString() ?? "null");

    private static JsonNode?[] WrongValues(JsonNode? value) => value switch
    {
        JsonObject => [new JsonArray(), JsonValue.Create("object"), JsonValue.Create(1), JsonValue.Create(false), new JsonArray(value.DeepClone())],
        JsonArray => [new JsonObject(), JsonValue.Create("array"), JsonValue.Create(0), JsonValue.Create(true), new JsonArray(new JsonArray()), new JsonArray(JsonValue.Create(1), new JsonObject())],
        JsonValue v when v.TryGetValue<string>(out var s) => [JsonValue.Create(42), JsonValue.Create(-1.5), JsonValue.Create(true), new JsonArray(JsonValue.Create(s)), new JsonObject { ["value"] = s }],
        JsonValue v when v.TryGetValue<bool>(out var b) => [JsonValue.Create(b ? "true" : "false"), JsonValue.Create(1), JsonValue.Create(0), new JsonArray(), new JsonObject()],
        JsonValue v => [JsonValue.Create(v.ToJsonString()), JsonValue.Create(true), new JsonArray(v.DeepClone()), new JsonObject(), JsonValue.Create(60.5), JsonNode.Parse("1e2"), JsonNode.Parse("1.0")],
        _ => [JsonValue.Create(1), JsonValue.Create("x"), new JsonArray(), new JsonObject()],
    };

    private static JsonArray Repeat(JsonArray array, int count)
    {
        var element = array.Count > 0 ? array[0] : JsonValue.Create("x");
        var size = element?.ToJsonString().Length ?? 4;
        var capped = Math.Max(1, Math.Min(count, 3 * HostileValues.Megabyte / Math.Max(1, size)));
        var repeated = new JsonArray();
        for (var i = 0; i < capped; i++)
        {
            repeated.Add(element?.DeepClone());
        }

        return repeated;
    }

    private static byte[] DeepArrays(int depth) => Utf8(new string('[', depth) + new string(']', depth));

    private static string Nest(string valid, int depth) =>
        valid.StartsWith('{')
            ? "{\"displayName\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "," + valid[1..]
            : new string('[', depth) + valid + new string(']', depth);

    private static string SwapBracket(string valid, int from)
    {
        var i = valid.IndexOfAny(['{', '}', '[', ']'], from);
        if (i < 0)
        {
            i = valid.IndexOfAny(['{', '}', '[', ']']);
        }

        if (i < 0)
        {
            return valid + "]";
        }

        var swapped = valid[i] switch { '{' => '[', '[' => '{', '}' => ']', _ => '}' };
        return string.Concat(valid.AsSpan(0, i), swapped.ToString(), valid.AsSpan(i + 1));
    }

    /// <summary>A byte index just inside a string value (after <c>:"</c>) at or after <paramref name="from"/>, else the first; or <paramref name="from"/> when the body has none.</summary>
    private static int InsideString(string valid, int from)
    {
        var start = valid.IndexOf(":\"", Math.Min(from, valid.Length), StringComparison.Ordinal);
        start = start < 0 ? valid.IndexOf(":\"", StringComparison.Ordinal) : start;
        return start < 0 ? Encoding.UTF8.GetByteCount(valid.AsSpan(0, Math.Min(from, valid.Length))) : Encoding.UTF8.GetByteCount(valid.AsSpan(0, start + 2));
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Escape(string valid, int byteIndex, string escape)
    {
        var bytes = Utf8(valid);
        return Encoding.UTF8.GetString(bytes, 0, byteIndex) + escape + Encoding.UTF8.GetString(bytes, byteIndex, bytes.Length - byteIndex);
    }

    private static byte[] Insert(byte[] bytes, int index, byte[] inserted)
    {
        var i = Math.Clamp(index, 0, bytes.Length);
        return [.. bytes.AsSpan(0, i), .. inserted, .. bytes.AsSpan(i)];
    }
}
