namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>Access: forged tokens, missing roles, unknown and another tenant's ids, wrong methods, unknown routes.</summary>
internal sealed partial class HostileRequests
{
    /// <summary>Each route's own request with a forged, expired, wrongly signed, <c>alg: none</c>, tenant-array or otherwise unusable token.</summary>
    public Gen<HostileRequest> BadTokens() =>
        Gen.Elements(WithToken.ToArray()).SelectMany(route =>
            Gen.Elements(_tokens.Forged.ToArray()).Select(token => Plain("bad tokens", route) with { Authorization = token.Value }));

    /// <summary>Each route's own request with a valid Alpha token that lacks the route's role.</summary>
    public Gen<HostileRequest> MissingRoles() =>
        Gen.Elements(WithToken.ToArray()).SelectMany(route =>
        {
            string[] lacking = route.Role switch
            {
                "admin" => ["ats", "recruiter", string.Empty],
                "recruiter" => ["ats", string.Empty],
                "ats" => ["recruiter", string.Empty],
                _ => [string.Empty],
            };
            return Gen.Elements(lacking).Select(role => Plain("missing roles", route) with { Authorization = role.Length == 0 ? _tokens.NoRole : _tokens.SingleRole[role] });
        });

    /// <summary>Ids that name nothing, or are malformed, in paths (escaped and raw) and in body references.</summary>
    public Gen<HostileRequest> UnknownIds()
    {
        const string category = "unknown ids";
        var ids = HostileValues.UnknownIds.Concat(HostileValues.MalformedIds).ToArray();
        var path = Gen.Elements(_routes.Where(r => r.Ids != RouteIds.None).ToArray()).SelectMany(route =>
        {
            var creates = route.Method == "PUT" && route.Ids != RouteIds.Participant || route.Name == "PUT /v1/participants/{id}";
            // A NUL never reaches a route through a path: servers refuse it (Kestrel with 400, the test server by throwing); bodies carry it instead.
            var choices = (creates ? HostileValues.MalformedIds : ids).Where(id => !id.Contains('\u0000')).ToArray();
            return Gen.Elements(choices).SelectMany(id => Gen.Elements(false, true).Select(raw =>
                Plain(category, route, route.PathFor(route.Ids == RouteIds.Account ? "google/" + id : id, raw: raw && id.All(c => c is > ' ' and < '\u007f' and not ('%' or '?' or '#'))))));
        });
        var references = Gen.Elements(ids).SelectMany(id => Gen.Elements(References(id).ToArray()));
        var providers = Gen.Elements("zzz", "Google", "GOOGLE", "google ", "ics", "caldav", "", "..", "microsoft/x", "google%2F..").SelectMany(provider =>
            Gen.Elements(Route("GET /v1/calendar-accounts/{id}"), Route("DELETE /v1/calendar-accounts/{id}")).Select(route =>
                Plain(category, route, route.PathFor(provider + "/acct-1"))));
        return Gen.Frequency((5, path), (4, references), (1, providers));
    }

    /// <summary>Alpha's token with Bravo's ids (paths and body references), and reads of ids both tenants use (which must answer Alpha's data).</summary>
    public Gen<HostileRequest> CrossTenant()
    {
        const string category = "cross tenant";
        var path = Gen.Elements(_routes.Where(r => r.Ids is RouteIds.Participant or RouteIds.Pool or RouteIds.Request && !(r.Method == "PUT" && r.Name != "PUT /v1/participants/{id}/blocks")).ToArray())
            .Select(route => Plain(category, route, route.PathFor(route.Ids switch
            {
                RouteIds.Participant => HostileWorld.BravoOnlyParticipant,
                RouteIds.Pool => HostileWorld.BravoOnlyPool,
                _ => _world.BravoRequest,
            })));
        var references = Gen.Elements(_world.BravoOnlyIds.SelectMany(References).ToArray());
        var shared = Gen.Elements(_routes.Where(r => r.Method == "GET" && r.NeedsToken).ToArray()).SelectMany(route =>
            Gen.Elements(HostileWorld.Candidate, HostileWorld.Interviewer, HostileWorld.SecondInterviewer, HostileWorld.Pool).Select(id =>
                Plain(category, route, route.Ids is RouteIds.Participant or RouteIds.Pool ? route.PathFor(route.Ids == RouteIds.Pool ? HostileWorld.Pool : id) : route.PathFor())));
        var tenantInIds = Gen.Elements(
            $"/v1/participants/{HostileWorld.Bravo}%2F{HostileWorld.Interviewer}",
            $"/v1/participants/{HostileWorld.Bravo}/{HostileWorld.Interviewer}",
            $"/v1/interview-requests/{HostileWorld.Bravo}%2F{_world.BravoRequest}",
            $"/v1/pools/..%2F{HostileWorld.Bravo}%2F{HostileWorld.Pool}",
            $"/v1/calendar-accounts/google/..%2F..%2F{HostileWorld.Bravo}",
            $"/v1/participants?cursor={HostileWorld.Bravo}%2F",
            $"/v1/interview-requests?candidateId={HostileWorld.BravoOnlyParticipant}",
            $"/v1/interview-requests?cursor={_world.BravoRequest}").Select(p =>
                new HostileRequest(category, "GET (tenant in id)", "GET", p, Authorization: _tokens.Valid));
        return Gen.Frequency((4, path), (4, references), (3, shared), (1, tenantInIds));
    }

    /// <summary>
    /// Commands the state refuses: deleting the candidate that holds the seeded request's slots, or a pool member (with
    /// <c>force</c> too); Alpha's real proposal selected on an unknown or Bravo's request, or in another casing.
    /// </summary>
    public Gen<HostileRequest> WrongState()
    {
        const string category = "wrong state";
        var delete = Route("DELETE /v1/participants/{id}");
        var select = Route("POST /v1/interview-requests/{id}/selection");
        var proposal = new JsonObject { ["proposalId"] = _world.AlphaProposal };
        return Gen.Elements(
            Plain(category, delete, delete.PathFor(HostileWorld.Candidate)),
            Plain(category, delete, delete.PathFor(HostileWorld.Candidate, delete.QueryWith("force", "false"))),
            Plain(category, delete, delete.PathFor(HostileWorld.Interviewer, delete.QueryWith("force", "true"))),
            Plain(category, delete, delete.PathFor(HostileWorld.SecondInterviewer, delete.QueryWith("force", "true"))),
            Json(category, select, select.PathFor(_world.BravoRequest), proposal),
            Json(category, select, select.PathFor("ghost"), proposal),
            Json(category, select, select.PathFor(), new JsonObject { ["proposalId"] = _world.AlphaProposal.ToUpperInvariant() }),
            Json(category, select, select.PathFor(), new JsonObject { ["proposalId"] = " " + _world.AlphaProposal }));
    }

    /// <summary>Known paths with methods their routes do not have.</summary>
    public Gen<HostileRequest> WrongMethods()
    {
        var allowed = _routes.GroupBy(r => r.Template).ToDictionary(g => g.Key, g => g.Select(r => r.Method).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return Gen.Elements(_routes.ToArray()).SelectMany(route =>
            Gen.Elements(HostileValues.Methods.Where(m => !allowed[route.Template].Contains(m)).ToArray()).Select(method =>
                Plain("wrong methods", route) with { Method = method, Authorization = _tokens.Valid, Body = method is "GET" or "HEAD" or "TRACE" ? null : HostileJson.Utf8(route.Body) }));
    }

    /// <summary>Paths no route serves, with any method, with and without a token.</summary>
    public Gen<HostileRequest> UnknownRoutes()
    {
        var known = Gen.Elements(HostileValues.UnknownPaths);
        var random = Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements("v1", "v2", "x", "participants", "pools", "..", "%2e%2e", "%C0%AE", "webhooks", "oauth", "ivy", "😀"), n))
            .Select(segments => "/" + string.Join('/', segments));
        return Gen.OneOf(known, random).SelectMany(path =>
            Gen.Elements("GET", "POST", "PUT", "DELETE", "PATCH").SelectMany(method =>
                Gen.Elements<string?>(_tokens.Valid, null).Select(token =>
                    new HostileRequest("unknown routes", "unknown", method, path, method is "GET" or "DELETE" ? null : "{}"u8.ToArray(), "application/json", token))));
    }

    /// <summary>Requests whose body names <paramref name="id"/> where a participant or pool must be: candidate, interviewer, pool, pool member, OAuth participant, list filter.</summary>
    private IEnumerable<HostileRequest> References(string id)
    {
        const string request = "POST /v1/interview-requests";
        var category = _world.BravoOnlyIds.Contains(id) ? "cross tenant" : "unknown ids";
        HostileRequest Set(string routeName, string path)
        {
            var route = Route(routeName);
            return Json(category, route, route.PathFor(), HostileJson.Replace(route.Body!, path, JsonValue.Create(id)));
        }

        yield return Set(request, "candidateId");
        yield return Set(request, "stages[0].interviewerIds[0]");
        yield return Set(request, "stages[0].pools[0].poolId");
        yield return Set("POST /v1/interview-requests/batch", "requests[0].candidateId");
        yield return Set("POST /v1/interview-requests/batch", "requests[0].stages[0].pools[0].poolId");
        yield return Set("PUT /v1/pools/{id}", "members[0]");
        var start = Route("GET /v1/oauth/google/start");
        yield return Plain(category, start, start.PathFor(query: start.QueryWith("participantId", id)));
        var microsoft = Route("GET /v1/oauth/microsoft/start");
        yield return Plain(category, microsoft, microsoft.PathFor(query: microsoft.QueryWith("participantId", id)));
        var list = Route("GET /v1/interview-requests");
        yield return Plain(category, list, list.PathFor(query: list.QueryWith("candidateId", id)));
        var cursor = Route("GET /v1/participants");
        yield return Plain(category, cursor, cursor.PathFor(query: cursor.QueryWith("cursor", id)));
    }
}
