namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>Time: bad zones, DST-gap and DST-overlap local times, windows that end before they start, malformed instants and local times.</summary>
internal sealed partial class HostileRequests
{
    /// <summary>Local times that are malformed, out of range, or use digits other than ASCII (which a <c>\d</c> pattern matches).</summary>
    private static readonly string[] BadLocalTimes =
    [
        "24:00", "23:60", "9:00", "09:00:00", "-01:00", "09:5", "0900", "09.00", "09:00Z", "09:00+01:00", " 09:00", "\u0660\u0669:00", "0\u0669:00", "1\u0667:00",
        "0\uff19:00", "\u09e6\u09ef:\u09e6\u09e6", "noon", "", "99:99",
    ];

    /// <summary>Instants that are malformed, lack an offset, or sit at the ends of the representable range.</summary>
    private static readonly string[] BadInstants =
    [
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00",
        "2027-01-01T00:00:00", "2027-01-01", "2027-01-01T24:00:00Z", "2027-02-30T00:00:00Z", "2027-01-01T00:00:00+24:00", "2027-01-01T00:00:00+14:01",
        "2027-01-01T00:00:00.99999999999Z", "+002027-01-01T00:00:00Z", "2027-01-01 00:00:00Z", "2026-12-31T23:59:60Z",
        "2027-W01-1T00:00:00Z", "1767225600", "2027-01-01T00:00:00\u0000Z", "\u0662\u0660\u0662\u0667-01-01T00:00:00Z", "",
    ];

    public Gen<HostileRequest> BadTimeZones()
    {
        var route = Route("PUT /v1/participants/{id}");
        var zone = Gen.Frequency((9, Gen.Elements(HostileValues.BadZones)), (1, Gen.Elements(HostileValues.OddZones)));
        return zone.Select(z => Json("bad time zones", route, route.PathFor(), HostileRoutes.Participant(z)));
    }

    /// <summary>
    /// Working hours and date overrides at DST gaps and repeated hours (Europe/Berlin, America/New_York, Lord Howe's 30-minute
    /// shift, Santiago's midnight change, Chatham's +12:45/+13:45, …), and availability, busy time and requests across them.
    /// </summary>
    public Gen<HostileRequest> DstTimes()
    {
        const string category = "DST times";
        return Gen.Elements(HostileValues.DstCases).SelectMany(dst =>
        {
            var id = HostileWorld.DstParticipant(dst.Zone);
            var date = DateOnly.ParseExact(dst.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var from = new DateTimeOffset(date.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var put = Route("PUT /v1/participants/{id}");
            var profile = Gen.Elements(0, 1, 2).Select(shape =>
            {
                var body = HostileWorld.DstProfile(dst.Zone, [(dst.Date, dst.Start, dst.End)]);
                if (shape > 0)
                {
                    var day = date.DayOfWeek.ToString()[..3];
                    body["workingHours"] = new JsonArray(new JsonObject { ["days"] = new JsonArray(day), ["start"] = dst.Start, ["end"] = dst.End });
                    body["preferredTimes"] = shape == 2 ? new JsonArray(new JsonObject { ["days"] = new JsonArray(day), ["start"] = dst.End, ["end"] = dst.Start }) : new JsonArray();
                }

                return Json(category, put, put.PathFor(id ?? HostileRoutes.Probe), body);
            });
            var availability = Route("GET /v1/participants/{id}/availability");
            var slots = Gen.Elements(1, 15, 30, 60, 90, 480).SelectMany(duration => Gen.Elements(1, 5, 15, 30, 45, 90, 1440).Select(granularity =>
                Plain(category, availability, availability.PathFor(id ?? HostileWorld.Interviewer,
                [
                    new("from", Api.Iso(from)), new("to", Api.Iso(from.AddDays(3))),
                    new("durationMinutes", duration.ToString(CultureInfo.InvariantCulture)), new("granularityMinutes", granularity.ToString(CultureInfo.InvariantCulture)),
                ]))));
            var busy = Route("GET /v1/participants/{id}/busy");
            var busyRequest = Gen.Constant(Plain(category, busy, busy.PathFor(id ?? HostileWorld.Interviewer, [new("from", Api.Iso(from)), new("to", Api.Iso(from.AddDays(3)))])));
            var post = Route("POST /v1/interview-requests");
            var request = Gen.Constant(id).Select(interviewer =>
            {
                var body = HostileRoutes.Request(Api.Iso(from), Api.Iso(from.AddDays(3)));
                body["stages"]![0]!["interviewerIds"] = new JsonArray(interviewer ?? HostileWorld.Interviewer);
                body["stages"]![0]!.AsObject().Remove("pools");
                body["slotGranularityMinutes"] = 45;
                return Json(category, post, post.PathFor(), body);
            });
            return Gen.Frequency((4, profile), (4, slots), (2, busyRequest), (1, request));
        });
    }

    /// <summary>Windows and hours that end before (or when) they start, span too long, have ended, or lie at the ends of time; malformed instants and local times.</summary>
    public Gen<HostileRequest> InvertedWindows()
    {
        const string category = "inverted windows";
        var monday = _world.Monday;
        var now = TimeProvider.System.GetUtcNow();
        (string Start, string End)[] windows =
        [
            (Api.Iso(monday.AddDays(12)), Api.Iso(monday.AddDays(7))),
            (Api.Iso(monday.AddDays(7)), Api.Iso(monday.AddDays(7))),
            (Api.Iso(monday.AddDays(7)), Api.Iso(monday.AddDays(7).AddTicks(-1))),
            (Api.Iso(monday.AddDays(7)), Api.Iso(monday.AddDays(98))),
            (Api.Iso(now.AddDays(-10)), Api.Iso(now.AddDays(-5))),
            ("9999-12-25T00:00:00Z", "9999-12-31T23:59:59Z"),
            ("0001-01-01T00:00:00Z", "0001-01-02T00:00:00Z"),
            (monday.AddDays(7).ToString("yyyy-MM-dd'T'10:00:00'-12:00'", CultureInfo.InvariantCulture), monday.AddDays(7).ToString("yyyy-MM-dd'T'20:00:00'+14:00'", CultureInfo.InvariantCulture)),
        ];
        var pairs = Gen.Frequency((3, Gen.Elements(windows)), (2, Gen.Elements(BadInstants).Select(bad => (bad, Api.Iso(monday.AddDays(12))))), (1, Gen.Elements(BadInstants).Select(bad => (Api.Iso(monday.AddDays(7)), bad))));
        var bodyWindows = pairs.SelectMany(w => Gen.Elements(
            ("POST /v1/interview-requests", "window"),
            ("POST /v1/interview-requests/batch", "requests[0].window"),
            ("POST /v1/interview-requests/{id}/reschedule", "window")).Select(target =>
            {
                var route = Route(target.Item1);
                var body = HostileJson.Replace(route.Body!, target.Item2, new JsonObject { ["start"] = w.Item1, ["end"] = w.Item2 });
                return Json(category, route, route.PathFor(), body);
            }));
        var blocks = pairs.Select(w =>
        {
            var route = Route("PUT /v1/participants/{id}/blocks");
            return Json(category, route, route.PathFor(), new JsonArray(new JsonObject { ["start"] = w.Item1, ["end"] = w.Item2, ["title"] = "inverted" }));
        });
        var ranges = pairs.SelectMany(w => Gen.Elements(Route("GET /v1/participants/{id}/busy"), Route("GET /v1/participants/{id}/availability")).Select(route =>
            Plain(category, route, route.PathFor(query: route.QueryWith("from", w.Item1).Select(p => p.Key == "to" ? new KeyValuePair<string, string>("to", w.Item2) : p).ToList()))));
        var hours = Gen.Elements(BadLocalTimes.Select(t => (t, "17:00")).Concat([("17:00", "09:00"), ("09:00", "09:00"), ("00:00", "00:00"), ("23:59", "00:00"), ("09:00", "24:00")]).ToArray())
            .SelectMany(h => Gen.Elements("workingHours[0]", "preferredTimes[0]", "dateOverrides[0].hours[0]").Select(target =>
            {
                var route = Route("PUT /v1/participants/{id}");
                var body = HostileJson.Replace(route.Body!, target, new JsonObject { ["days"] = target.StartsWith("date", StringComparison.Ordinal) ? null : new JsonArray("Mon"), ["start"] = h.Item1, ["end"] = h.Item2 });
                return Json(category, route, route.PathFor(), body);
            }));
        var preferences = Gen.Elements(BadLocalTimes).Select(t =>
        {
            var route = Route("POST /v1/interview-requests");
            return Json(category, route, route.PathFor(), HostileJson.Replace(route.Body!, "candidatePreferences.preferredTimes[0].start", JsonValue.Create(t)));
        });
        var dates = Gen.Elements("2027-02-30", "2027-13-01", "27-01-01", "2027-1-1", "0000-01-01", "9999-12-31", "0001-01-01", "2027-01-01T00:00:00Z", "\u0662\u0660\u0662\u0667-01-01", "").Select(d =>
        {
            var route = Route("PUT /v1/participants/{id}");
            return Json(category, route, route.PathFor(), HostileJson.Replace(route.Body!, "dateOverrides[0].date", JsonValue.Create(d)));
        });
        var gaps = Gen.Elements<(string, JsonNode)>(
            ("sequencing", new JsonObject { ["sameDay"] = false, ["minGapMinutes"] = 120, ["maxGapMinutes"] = 30 }),
            ("sequencing", new JsonObject { ["minGapMinutes"] = -5, ["maxGapMinutes"] = 1441 }),
            ("prep", new JsonObject { ["totalHours"] = 2, ["minBlockMinutes"] = 120, ["maxBlockMinutes"] = 60 }),
            ("prep", new JsonObject { ["totalHours"] = 0 }),
            ("minimumNoticeMinutes", JsonValue.Create(-1)),
            ("slotGranularityMinutes", JsonValue.Create(7)),
            ("poolOfferMinutes", JsonValue.Create(9))).Select(g =>
            {
                var route = Route("POST /v1/interview-requests");
                return Json(category, route, route.PathFor(), HostileJson.Replace(route.Body!, g.Item1, g.Item2));
            });
        return Gen.Frequency((5, bodyWindows), (2, blocks), (3, ranges), (3, hours), (1, preferences), (1, dates), (1, gaps));
    }
}
