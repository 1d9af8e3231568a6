namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>What a route's path parameter names, so generators can put an unknown or another tenant's id there.</summary>
internal enum RouteIds
{
    None,
    Participant,
    Pool,
    Request,
    Account,
}

/// <summary>
/// A documented route with a request that is well formed for Alpha (a path id, query and JSON body the route
/// accepts, or that it refuses for one plain reason such as an unknown proposal), which the generators then make
/// hostile in one respect. <see cref="Role"/> is the role it needs (<c>reader</c> = ats or recruiter;
/// <c>anonymous</c> for webhooks and OAuth callbacks).
/// </summary>
internal sealed record HostileRoute(
    string Name,
    string Method,
    string Template,
    RouteIds Ids,
    string Id,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    JsonNode? Body,
    IReadOnlyList<string> Required,
    string Role)
{
    /// <summary>Whether the route takes a JSON body.</summary>
    public bool HasBody => Body is not null;

    /// <summary>Whether the body may be left out (cancel, reschedule, prep plan): <c>null</c> is then a valid body.</summary>
    public bool OptionalBody => Name.EndsWith("/cancel", StringComparison.Ordinal) || Name.EndsWith("/reschedule", StringComparison.Ordinal) || Name.EndsWith("/prep-plan", StringComparison.Ordinal);

    /// <summary>Whether the route needs a bearer token.</summary>
    public bool NeedsToken => Role != "anonymous";

    /// <summary>A fresh copy of the body.</summary>
    public JsonNode? NewBody() => Body?.DeepClone();

    /// <summary>The path with <paramref name="id"/> (escaped, unless <paramref name="raw"/>) and <paramref name="query"/> (default: the route's own).</summary>
    public string PathFor(string? id = null, IReadOnlyList<KeyValuePair<string, string>>? query = null, bool raw = false)
    {
        var value = id ?? Id;
        var escaped = raw ? value : Ids == RouteIds.Account ? string.Join('/', value.Split('/', 2).Select(Uri.EscapeDataString)) : Uri.EscapeDataString(value);
        var path = Template.Replace("{id}", escaped, StringComparison.Ordinal);
        var pairs = query ?? Query;
        return pairs.Count == 0 ? path : path + "?" + string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    /// <summary>The route's query with <paramref name="name"/> set to <paramref name="value"/> (added when absent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryWith(string name, string value) =>
        Query.Any(p => p.Key == name)
            ? [.. Query.Select(p => p.Key == name ? new KeyValuePair<string, string>(name, value) : p)]
            : [.. Query, new KeyValuePair<string, string>(name, value)];
}
