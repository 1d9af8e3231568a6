namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// One generated request: what it tries (<see cref="Category"/>), the documented route it aims at (<see cref="Route"/>,
/// e.g. <c>PUT /v1/participants/{id}</c>, or <c>unknown</c>), and the raw parts sent as they are: method, path with
/// query, body bytes, <c>Content-Type</c> and <c>Authorization</c> (neither validated by the client) and other headers.
/// </summary>
internal sealed record HostileRequest(
    string Category,
    string Route,
    string Method,
    string Path,
    byte[]? Body = null,
    string? ContentType = null,
    string? Authorization = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    /// <summary>Whether <paramref name="text"/> occurs anywhere in what is sent (path, body, headers).</summary>
    public bool Contains(string text) =>
        Path.Contains(text, StringComparison.Ordinal)
        || (Body is not null && Encoding.UTF8.GetString(Body).Contains(text, StringComparison.Ordinal))
        || (Headers ?? []).Any(h => h.Value.Contains(text, StringComparison.Ordinal))
        || (Authorization?.Contains(text, StringComparison.Ordinal) ?? false);

    /// <summary>Method, path and body, each cut short, for failure messages.</summary>
    public string Describe()
    {
        var body = Body is null ? "(none)" : $"{Body.Length} bytes: {Printable(Body.AsSpan(0, Math.Min(Body.Length, 160)))}";
        var path = Path.Length > 200 ? $"{Path[..200]}… ({Path.Length} chars)" : Path;
        var auth = Authorization is null ? "(none)" : Authorization.Length > 40 ? Authorization[..40] + "…" : Authorization;
        return $"[{Category}] {Method} {path} ({Route}); content type {ContentType ?? "(none)"}; authorization {auth}; body {body}";
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
