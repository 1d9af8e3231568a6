namespace Scheduler.Gateway.Tests.Hostile;

/// <summary>Every route of the API reference, each with a request that is well formed for Alpha (see <see cref="HostileRoute"/>).</summary>
internal static class HostileRoutes
{
    /// <summary>The id of a participant the generators create and replace (never one the seeded requests use).</summary>
    public const string Probe = "probe";

    /// <summary>The id of a pool the generators create and replace.</summary>
    public const string ProbePool = "probe-pool";

    public static IReadOnlyList<HostileRoute> All(HostileWorld world)
    {
        var monday = world.Monday;
        string At(double days) => Api.Iso(monday.AddDays(days));
        return
        [
            Route("PUT", "/v1/participants/{id}", RouteIds.Participant, Probe, [], Participant(), ["displayName", "timeZone"], "admin"),
            Route("GET", "/v1/participants/{id}", RouteIds.Participant, HostileWorld.Interviewer, [], null, [], "recruiter"),
            Route("GET", "/v1/participants", RouteIds.None, string.Empty, Q(("kind", "interviewer"), ("limit", "10")), null, [], "recruiter"),
            Route("DELETE", "/v1/participants/{id}", RouteIds.Participant, HostileWorld.Interviewer, Q(("force", "false")), null, [], "admin"),
            Route("PUT", "/v1/participants/{id}/blocks", RouteIds.Participant, HostileWorld.SecondInterviewer, [], new JsonArray(new JsonObject
            {
                ["start"] = At(1.5), ["end"] = At(1.6), ["title"] = "Probe block",
            }), ["[0].start", "[0].end"], "admin"),
            Route("GET", "/v1/participants/{id}/busy", RouteIds.Participant, HostileWorld.Interviewer, Q(("from", At(0)), ("to", At(7))), null, [], "recruiter"),
            Route("GET", "/v1/participants/{id}/availability", RouteIds.Participant, HostileWorld.Interviewer,
                Q(("from", At(0)), ("to", At(7)), ("durationMinutes", "60"), ("granularityMinutes", "30")), null, [], "recruiter"),
            Route("POST", "/v1/interview-requests", RouteIds.None, string.Empty, [], Request(At(7), At(12)), ["candidateId", "stages", "window", "stages[0].durationMinutes"], "ats"),
            Route("POST", "/v1/interview-requests/batch", RouteIds.None, string.Empty, [], new JsonObject { ["requests"] = new JsonArray(Request(At(7), At(12))) }, ["requests"], "ats"),
            Route("GET", "/v1/interview-requests/{id}", RouteIds.Request, world.AlphaRequest, [], null, [], "reader"),
            Route("GET", "/v1/interview-requests", RouteIds.None, string.Empty, Q(("status", "proposed"), ("candidateId", HostileWorld.Candidate), ("limit", "5")), null, [], "reader"),
            Route("POST", "/v1/interview-requests/{id}/selection", RouteIds.Request, world.AlphaRequest, [], new JsonObject { ["proposalId"] = "not-a-proposal" }, ["proposalId"], "recruiter"),
            Route("POST", "/v1/interview-requests/{id}/cancel", RouteIds.Request, world.AlphaRequest, [], new JsonObject { ["reason"] = "Hostile probe" }, [], "recruiter"),
            Route("POST", "/v1/interview-requests/{id}/reschedule", RouteIds.Request, world.AlphaRequest, [],
                new JsonObject { ["window"] = new JsonObject { ["start"] = At(14), ["end"] = At(19) } }, ["window.start", "window.end"], "recruiter"),
            Route("GET", "/v1/interview-requests/{id}/notifications", RouteIds.Request, world.AlphaRequest, [], null, [], "reader"),
            Route("POST", "/v1/interview-requests/{id}/prep-plan", RouteIds.Request, world.AlphaRequest, [], new JsonObject
            {
                ["totalHours"] = 40, ["maxHoursPerDay"] = 6, ["minBlockMinutes"] = 60, ["maxBlockMinutes"] = 180, ["restHoursBeforeInterview"] = 12, ["addToCalendar"] = false,
            }, [], "recruiter"),
            Route("GET", "/v1/interview-requests/{id}/prep-plan", RouteIds.Request, world.AlphaRequest, [], null, [], "reader"),
            Route("DELETE", "/v1/interview-requests/{id}/prep-plan", RouteIds.Request, world.AlphaRequest, [], null, [], "recruiter"),
            Route("PUT", "/v1/pools/{id}", RouteIds.Pool, ProbePool, [], new JsonObject
            {
                ["members"] = new JsonArray(HostileWorld.Interviewer, HostileWorld.SecondInterviewer), ["strategy"] = "leastLoaded",
            }, ["members"], "admin"),
            Route("GET", "/v1/pools/{id}", RouteIds.Pool, HostileWorld.Pool, [], null, [], "recruiter"),
            Route("GET", "/v1/pools", RouteIds.None, string.Empty, Q(("limit", "10")), null, [], "recruiter"),
            Route("DELETE", "/v1/pools/{id}", RouteIds.Pool, ProbePool, [], null, [], "admin"),
            Route("GET", "/v1/settings/notifications", RouteIds.None, string.Empty, [], null, [], "admin"),
            Route("PUT", "/v1/settings/notifications", RouteIds.None, string.Empty, [], new JsonObject
            {
                ["feedbackReminder"] = true, ["followUpDelayMinutes"] = 45, ["candidateThankYou"] = false, ["thankYouNextSteps"] = "Probe next steps",
            }, [], "admin"),
            Route("GET", "/v1/settings/scheduling", RouteIds.None, string.Empty, [], null, [], "admin"),
            Route("PUT", "/v1/settings/scheduling", RouteIds.None, string.Empty, [], new JsonObject { ["preferenceLearning"] = true, ["learningHalfLifeDays"] = 60 }, [], "admin"),
            Route("GET", "/v1/oauth/google/start", RouteIds.None, string.Empty,
                Q(("accountId", "acct-1"), ("participantId", HostileWorld.Interviewer), ("calendarIds", "primary")), null, [], "admin"),
            Route("GET", "/v1/oauth/google/callback", RouteIds.None, string.Empty, Q(("code", "4/0Adeu5B"), ("state", "forged-state")), null, [], "anonymous"),
            Route("GET", "/v1/oauth/microsoft/start", RouteIds.None, string.Empty,
                Q(("accountId", "acct-2"), ("participantId", HostileWorld.Interviewer), ("mailbox", "ivy@example.test")), null, [], "admin"),
            Route("GET", "/v1/oauth/microsoft/callback", RouteIds.None, string.Empty, Q(("code", "M.C507"), ("state", "forged-state")), null, [], "anonymous"),
            Route("GET", "/v1/calendar-accounts/{id}", RouteIds.Account, "google/acct-1", [], null, [], "admin"),
            Route("DELETE", "/v1/calendar-accounts/{id}", RouteIds.Account, "microsoft/acct-2", [], null, [], "admin"),
            Route("POST", "/webhooks/google", RouteIds.None, string.Empty, [], null, [], "anonymous"),
            Route("POST", "/webhooks/microsoft", RouteIds.None, string.Empty, [], null, [], "anonymous"),
            Route("POST", "/webhooks/slack", RouteIds.None, string.Empty, [], null, [], "anonymous"),
        ];
    }

    /// <summary>A participant profile using every field (no calendars).</summary>
    public static JsonObject Participant(string zone = "Europe/Berlin") => new()
    {
        ["displayName"] = "Probe Person",
        ["email"] = "probe@example.test",
        ["kind"] = "interviewer",
        ["timeZone"] = zone,
        ["workingHours"] = new JsonArray(new JsonObject { ["days"] = new JsonArray("Mon", "Tue", "Wed"), ["start"] = "09:00", ["end"] = "17:00" }),
        ["dateOverrides"] = new JsonArray(new JsonObject
        {
            ["date"] = "2027-07-01", ["hours"] = new JsonArray(new JsonObject { ["start"] = "10:00", ["end"] = "12:00" }),
        }),
        ["bufferBeforeMinutes"] = 5,
        ["bufferAfterMinutes"] = 10,
        ["maxInterviewsPerDay"] = 3,
        ["maxInterviewsPerWeek"] = 10,
        ["preferredTimes"] = new JsonArray(new JsonObject { ["days"] = new JsonArray("Wed"), ["start"] = "10:00", ["end"] = "12:00" }),
        ["slackUserId"] = "U0PROBE",
        ["calendars"] = new JsonArray(),
    };

    /// <summary>An interview request using every field, for the seeded candidate, interviewer and pool.</summary>
    public static JsonObject Request(string start, string end) => new()
    {
        ["candidateId"] = HostileWorld.Candidate,
        ["stages"] = new JsonArray(new JsonObject
        {
            ["name"] = "loop",
            ["durationMinutes"] = 45,
            ["interviewerIds"] = new JsonArray(HostileWorld.Interviewer),
            ["pools"] = new JsonArray(new JsonObject { ["poolId"] = HostileWorld.Pool, ["count"] = 1 }),
        }),
        ["window"] = new JsonObject { ["start"] = start, ["end"] = end },
        ["minimumNoticeMinutes"] = 60,
        ["slotGranularityMinutes"] = 30,
        ["maxProposals"] = 3,
        ["mode"] = "propose",
        ["candidatePreferences"] = new JsonObject
        {
            ["preferredTimes"] = new JsonArray(new JsonObject { ["days"] = new JsonArray("Tue", "Thu"), ["start"] = "09:00", ["end"] = "12:00" }),
        },
        ["sequencing"] = new JsonObject { ["sameDay"] = true, ["minGapMinutes"] = 0, ["maxGapMinutes"] = 60 },
        ["conferencing"] = "none",
        ["notify"] = new JsonObject { ["email"] = false, ["slack"] = false, ["recruiterEmail"] = "recruiter@example.test", ["recruiterSlackChannel"] = "C0PROBE" },
        ["reminders"] = new JsonArray(1440, 120),
        ["conflictPolicy"] = "flag",
        ["poolOfferMinutes"] = 60,
    };

    private static HostileRoute Route(
        string method, string template, RouteIds ids, string id, IReadOnlyList<KeyValuePair<string, string>> query, JsonNode? body, IReadOnlyList<string> required, string role) =>
        new($"{method} {template}", method, template, ids, id, query, body, required, role);

    private static KeyValuePair<string, string>[] Q(params (string Name, string Value)[] pairs) =>
        [.. pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))];
}
