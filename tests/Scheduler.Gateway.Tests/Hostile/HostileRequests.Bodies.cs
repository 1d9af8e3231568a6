namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>Bodies: malformed JSON, wrong types, oversize values, wrong content types, calendar URLs that reach inward.</summary>
internal sealed partial class HostileRequests
{
    public Gen<HostileRequest> MalformedJson() =>
        Gen.Elements(WithBody.ToArray()).SelectMany(route =>
            HostileJson.Malformed(route.Body!.ToJsonString(), route.OptionalBody).Select(bytes => Bytes("malformed JSON", route, bytes)));

    /// <summary>A body value of the wrong type (or null where required), or a query parameter that is not the number, enum or bool it should be.</summary>
    public Gen<HostileRequest> WrongTypes()
    {
        const string category = "wrong types";
        var body = Gen.Elements(WithBody.ToArray()).SelectMany(route =>
            HostileJson.WrongType(route.Body!, route.Required, route.OptionalBody).Select(b => Json(category, route, route.PathFor(), b)));
        var query = Gen.Elements(_routes.Where(r => r.Query.Count > 0).ToArray()).SelectMany(route =>
            Gen.Elements([.. route.Query.Select(p => p.Key), "redirect", "appOnly", "force"]).SelectMany(name =>
                Gen.Elements("abc", "1e2", "", "true", "[]", "null", "-0", "0x10", "\u0666\u0660", "\uff16\uff10", " 5", "5 ", "2147483648", "-1", "1.5", "%", "TRUE", "yes").Select(value =>
                    Plain(category, route, route.PathFor(query: route.QueryWith(name, value))))));
        return Gen.Frequency((5, body), (1, query));
    }

    /// <summary>Huge strings, arrays and numbers in bodies; ids of up to 60,000 characters in paths and 1 MB in bodies; huge query values and headers.</summary>
    public Gen<HostileRequest> Oversize()
    {
        const string category = "oversize";
        var body = Gen.Elements(WithBody.ToArray()).SelectMany(route =>
            HostileJson.Oversize(route.Body!, route.Name.EndsWith("/batch", StringComparison.Ordinal) ? ["requests"] : []).Select(b => Json(category, route, route.PathFor(), b)));
        var pathId = Gen.Elements(_routes.Where(r => r.Ids != RouteIds.None).ToArray()).SelectMany(route =>
            Gen.Elements(129, 1_000, HostileValues.LongestPathId).Select(n => Plain(category, route, route.PathFor(
                route.Ids == RouteIds.Account ? "google/" + HostileValues.Filler(n) : HostileValues.Filler(n)))));
        var query = Gen.Elements(_routes.Where(r => r.Query.Count > 0).ToArray()).SelectMany(route =>
            Gen.Elements(route.Query.Select(p => p.Key).ToArray()).SelectMany(name =>
                Gen.Elements(41, 129, 2_000, 50_000).Select(n => Plain(category, route, route.PathFor(query: route.QueryWith(name, HostileValues.Filler(n)))))));
        var manyParameters = Gen.Elements(_routes.Where(r => r.Method == "GET" && r.Query.Count > 0).ToArray()).Select(route =>
            Plain(category, route, route.PathFor(query: [.. route.Query, .. Enumerable.Range(0, 2_000).Select(i => new KeyValuePair<string, string>(route.Query[i % route.Query.Count].Key, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))])));
        int[] idLengths = [41, 100, 129, HostileValues.Megabyte];
        var megabyteId = Gen.Elements(
            ("POST /v1/interview-requests", "candidateId", idLengths),
            ("POST /v1/interview-requests", "stages[0].interviewerIds[0]", idLengths),
            ("POST /v1/interview-requests", "stages[0].pools[0].poolId", idLengths),
            ("POST /v1/interview-requests", "externalId", [201, HostileValues.Megabyte]),
            ("POST /v1/interview-requests/batch", "requests[0].candidateId", idLengths),
            ("PUT /v1/pools/{id}", "members[0]", idLengths),
            ("POST /v1/interview-requests/{id}/selection", "proposalId", idLengths),
            ("POST /v1/interview-requests/{id}/cancel", "reason", [501, HostileValues.Megabyte])).SelectMany(target =>
                Gen.Elements(target.Item3).Select(n =>
                {
                    var route = Route(target.Item1);
                    return Json(category, route, route.PathFor(), HostileJson.Replace(route.Body!, target.Item2, JsonValue.Create(HostileValues.Filler(n))));
                }));
        var header = Gen.Elements(
            (Route("POST /v1/interview-requests"), "Idempotency-Key", HostileValues.Filler(201)),
            (Route("POST /v1/interview-requests"), "Idempotency-Key", HostileValues.Filler(HostileValues.Megabyte)),
            (Route("POST /v1/interview-requests/batch"), "Idempotency-Key", HostileValues.Filler(HostileValues.Megabyte)),
            (Route("GET /v1/interview-requests/{id}"), "If-None-Match", "\"" + HostileValues.Filler(100_000) + "\""),
            (Route("GET /v1/interview-requests/{id}"), "If-None-Match", string.Join(",", Enumerable.Repeat("W/\"1\"", 20_000)))).Select(h =>
                Plain(category, h.Item1) with { Headers = [new(h.Item2, h.Item3)] });
        var batch = Gen.Elements(10_001, 20_000).Select(n =>
            Bytes(category, Route("POST /v1/interview-requests/batch"), HostileJson.Utf8("{\"requests\":[" + string.Join(',', Enumerable.Repeat("{}", n)) + "]}")));
        return Gen.Frequency((6, body), (2, pathId), (2, query), (1, manyParameters), (3, megabyteId), (1, header), (1, batch));
    }

    public Gen<HostileRequest> WrongContentTypes() =>
        Gen.Elements(WithBody.ToArray()).SelectMany(route =>
            Gen.Elements(HostileValues.BadContentTypes.Append(null).ToArray()).Select(type =>
                Bytes("wrong content types", route, HostileJson.Utf8(route.Body), type)));

    /// <summary>Calendars whose URL points at this host, a private network or a metadata service, or is not http(s); and malformed account entries.</summary>
    public Gen<HostileRequest> PrivateCalendarUrls()
    {
        var route = Route("PUT /v1/participants/{id}");
        var url = Gen.Elements(HostileValues.PrivateCalendarUrls).SelectMany(u => Gen.Elements("ics", "caldav").Select(provider =>
            new JsonObject { ["provider"] = provider, ["url"] = u, ["username"] = "u", ["password"] = "p" }));
        var account = Gen.Elements(
            new JsonObject { ["provider"] = "google", ["accountId"] = "../hostile-bravo/google/acct-1" },
            new JsonObject { ["provider"] = "google", ["accountId"] = "a/b" },
            new JsonObject { ["provider"] = "google", ["accountId"] = HostileValues.Filler(129) },
            new JsonObject { ["provider"] = "google", ["accountId"] = "acct-1", ["calendarIds"] = new JsonArray([.. Enumerable.Range(0, 51).Select(i => JsonValue.Create($"c{i}"))]) },
            new JsonObject { ["provider"] = "google", ["accountId"] = "acct-1", ["calendarIds"] = new JsonArray(string.Empty) },
            new JsonObject { ["provider"] = "microsoft", ["accountId"] = "acct-2", ["mailbox"] = "not an address" },
            new JsonObject { ["provider"] = "microsoft", ["accountId"] = " " },
            new JsonObject { ["provider"] = "outlook", ["accountId"] = "acct-1" },
            new JsonObject { ["provider"] = "ICS", ["url"] = "http://127.0.0.1/" },
            new JsonObject { ["provider"] = null, ["url"] = "http://10.0.0.1/" });
        return Gen.OneOf(url, account).Select(calendar =>
        {
            var body = HostileRoutes.Participant();
            body["calendars"] = new JsonArray(calendar.DeepClone());
            return Json("private calendar URLs", route, route.PathFor(), body);
        });
    }
}
