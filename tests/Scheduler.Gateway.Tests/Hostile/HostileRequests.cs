namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>
/// The FsCheck generators of hostile requests against the seeded <see cref="HostileWorld"/>, one per category (the
/// partial files group them: bodies, access, time, webhooks), mixed by <see cref="Any"/> and drawn reproducibly by
/// <see cref="Sample"/> from a seed.
/// </summary>
internal sealed partial class HostileRequests
{
    private readonly HostileWorld _world;
    private readonly HostileTokens _tokens;
    private readonly IReadOnlyList<HostileRoute> _routes;

    public HostileRequests(HostileWorld world, HostileTokens tokens)
    {
        _world = world;
        _tokens = tokens;
        _routes = HostileRoutes.All(world);
    }

    /// <summary>The documented routes the requests aim at.</summary>
    public IReadOnlyList<HostileRoute> Routes => _routes;

    /// <summary>Every category, weighted: most requests are meant to be refused, a few may be accepted.</summary>
    public Gen<HostileRequest> Any() => Gen.Frequency(
        (14, MalformedJson()),
        (12, WrongTypes()),
        (7, Oversize()),
        (5, BadTimeZones()),
        (2, DstTimes()),
        (7, InvertedWindows()),
        (8, UnknownIds()),
        (8, CrossTenant()),
        (10, BadTokens()),
        (5, MissingRoles()),
        (8, ForgedWebhooks()),
        (4, WrongMethods()),
        (2, WrongState()),
        (3, UnknownRoutes()),
        (4, WrongContentTypes()),
        (2, PrivateCalendarUrls()));

    /// <summary><paramref name="count"/> requests drawn from <see cref="Any"/> with <paramref name="seed"/>: the same seed gives the same requests.</summary>
    public IReadOnlyList<HostileRequest> Sample(ulong seed, int count) => Gen.Sample(Any(), count, new Rnd(seed), 50);

    private IEnumerable<HostileRoute> WithBody => _routes.Where(r => r.HasBody);

    private IEnumerable<HostileRoute> WithToken => _routes.Where(r => r.NeedsToken);

    private HostileRoute Route(string name) => _routes.Single(r => r.Name == name);

    /// <summary>The route's own request (at <paramref name="path"/> when given), with the valid all-roles token where it takes one.</summary>
    private HostileRequest Plain(string category, HostileRoute route, string? path = null) =>
        Json(category, route, path ?? route.PathFor(), route.NewBody());

    /// <summary>The route's method with <paramref name="body"/> as JSON (<c>null</c> as the literal when the route takes a body).</summary>
    private HostileRequest Json(string category, HostileRoute route, string path, JsonNode? body) =>
        new(category, route.Name, route.Method, path, body is null && !route.HasBody ? null : HostileJson.Utf8(body), route.HasBody ? "application/json" : null, route.NeedsToken ? _tokens.Valid : null);

    /// <summary>The route's own path with raw body bytes and content type.</summary>
    private HostileRequest Bytes(string category, HostileRoute route, byte[] body, string? contentType = "application/json") =>
        new(category, route.Name, route.Method, route.PathFor(), body, contentType, route.NeedsToken ? _tokens.Valid : null);
}
