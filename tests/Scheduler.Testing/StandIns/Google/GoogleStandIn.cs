namespace Scheduler.Testing.StandIns.Google;

/// <summary>
/// A local Google Calendar API v3 and OAuth 2.0 stand-in on Kestrel, following Google's documented contract for what
/// the connector uses: <c>POST /calendar/v3/freeBusy</c> (400 over 50 items or over 90 days; per-calendar
/// <c>errors</c> for unknown calendars), <c>events.list</c> with <c>pageToken</c>/<c>nextSyncToken</c>/<c>syncToken</c>
/// (410 <c>fullSyncRequired</c> for an expired token) and <c>singleEvents</c> (a recurring series as its master with
/// <c>recurrence</c>, or expanded into instances; a token is good only with the <c>singleEvents</c> it was issued for), <c>events.insert</c> with client ids (400 for ids outside
/// base32hex, 409 <c>duplicate</c>), <c>events.patch</c>, <c>events.delete</c> (410 <c>deleted</c> the second time),
/// <c>events.watch</c> and <c>channels.stop</c> with push deliveries to the channel address (<c>X-Goog-*</c> headers,
/// <c>sync</c> first, then <c>exists</c> on every change), and <c>POST /token</c> (authorization_code with PKCE S256 and
/// refresh_token grants). Access tokens last one hour on the given clock (401 after). Faults can be queued
/// (e.g. 429 or 403 <c>rateLimitExceeded</c> with <c>Retry-After</c>). Every API call is recorded.
/// </summary>
internal sealed partial class GoogleStandIn : IAsyncDisposable
{
    public const string ClientId = "stand-in-client.apps.googleusercontent.com";
    public const string ClientSecret = "stand-in-client-secret";
    public const int PageSize = 3;

    /// <summary>
    /// How far past the clock <c>events.list</c> with <c>singleEvents=true</c> expands a recurring series into instances
    /// (free/busy expands over the asked range). Google documents no limit; the stand-in stops here.
    /// </summary>
    public static readonly TimeSpan ExpansionHorizon = TimeSpan.FromDays(366);

    private LocalServer _server = null!;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, StandInEvent>> _calendars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StandInChannel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StandInFault> _faults = new();
    private readonly Dictionary<string, string> _timeZones = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StandInCall> _calls = new();
    private readonly ConcurrentQueue<StandInPush> _pushes = new();
    private long _sequence;
    private long _oldestValidSequence;

    private GoogleStandIn(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>The Calendar API base URL (…/calendar/v3/).</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>The OAuth token endpoint.</summary>
    public Uri TokenUrl { get; private set; } = null!;

    /// <summary>Sends push deliveries; the default goes over the network, a test may route them into an in-process server.</summary>
    public HttpClient PushClient { get; set; } = new();

    public IReadOnlyList<StandInCall> Calls => [.. _calls];

    public IReadOnlyList<StandInPush> Pushes => [.. _pushes];

    public IReadOnlyList<StandInChannel> LiveChannels
    {
        get
        {
            lock (_gate)
            {
                return [.. _channels.Values];
            }
        }
    }

    public static async Task<GoogleStandIn> StartAsync(TimeProvider clock)
    {
        var standIn = new GoogleStandIn(clock);
        standIn._server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/calendar/v3/freeBusy", standIn.FreeBusyAsync);
            app.MapGet("/calendar/v3/calendars/{calendarId}/events", standIn.ListEvents);
            app.MapPost("/calendar/v3/calendars/{calendarId}/events", standIn.InsertAsync);
            app.MapPatch("/calendar/v3/calendars/{calendarId}/events/{eventId}", standIn.PatchAsync);
            app.MapDelete("/calendar/v3/calendars/{calendarId}/events/{eventId}", standIn.Delete);
            app.MapPost("/calendar/v3/calendars/{calendarId}/events/watch", standIn.WatchAsync);
            app.MapPost("/calendar/v3/channels/stop", standIn.StopAsync);
            app.MapPost("/token", standIn.TokenAsync);
        });
        standIn.ApiBaseUrl = standIn._server.Url("calendar/v3/");
        standIn.TokenUrl = standIn._server.Url("token");
        return standIn;
    }

    /// <summary>Creates an empty calendar (unless it exists) in <paramref name="timeZone"/> (IANA; the <c>timeZone</c> of its <c>events.list</c> answers, in which its all-day events' dates are).</summary>
    public void AddCalendar(string calendarId, string timeZone = "UTC")
    {
        lock (_gate)
        {
            if (_calendars.TryAdd(calendarId, new Dictionary<string, StandInEvent>(StringComparer.Ordinal)))
            {
                _timeZones[calendarId] = timeZone;
            }
        }
    }

    /// <summary>Adds an all-day event (<c>start.date</c>, <c>end.date</c>: <paramref name="first"/> to <paramref name="endExclusive"/>) as the owner would, then pushes <c>exists</c>.</summary>
    public Task AddAllDayEventAsync(string calendarId, string eventId, DateOnly first, DateOnly endExclusive)
    {
        lock (_gate)
        {
            var midnight = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            Calendar(calendarId)[eventId] = new StandInEvent(eventId, "all day", midnight, endExclusive.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, ++_sequence, null)
            {
                Dates = (first, endExclusive),
            };
        }

        return PushChangeAsync(calendarId);
    }

    /// <summary>
    /// Adds an event as the calendar's owner would (in the Google UI), or as Gmail adds a received invite (with its
    /// <paramref name="iCalUid"/>), then pushes <c>exists</c> to the calendar's channels.
    /// </summary>
    public Task AddEventAsync(string calendarId, string eventId, DateTimeOffset start, DateTimeOffset end, string summary = "busy", string? iCalUid = null)
    {
        lock (_gate)
        {
            Calendar(calendarId)[eventId] = new StandInEvent(eventId, summary, start, end, false, ++_sequence, null) { ICalUid = iCalUid };
        }

        return PushChangeAsync(calendarId);
    }

    /// <summary>
    /// Adds a recurring series as its owner would: its first instance from <paramref name="start"/> to
    /// <paramref name="end"/> (UTC) and its <c>recurrence</c> lines (e.g. <c>RRULE:FREQ=WEEKLY;COUNT=4</c>), then pushes
    /// <c>exists</c> to the calendar's channels.
    /// </summary>
    public Task AddRecurringEventAsync(string calendarId, string eventId, DateTimeOffset start, DateTimeOffset end, params string[] recurrence)
    {
        lock (_gate)
        {
            Calendar(calendarId)[eventId] = new StandInEvent(eventId, "busy", start, end, false, ++_sequence, null) { Recurrence = recurrence };
        }

        return PushChangeAsync(calendarId);
    }

    public StandInEvent? Event(string calendarId, string eventId)
    {
        lock (_gate)
        {
            return _calendars.TryGetValue(calendarId, out var events) && events.TryGetValue(eventId, out var e) ? e : null;
        }
    }

    public IReadOnlyList<StandInEvent> Events(string calendarId)
    {
        lock (_gate)
        {
            return _calendars.TryGetValue(calendarId, out var events) ? [.. events.Values.Where(e => !e.Cancelled)] : [];
        }
    }

    /// <summary>Makes every sync token issued so far invalid (Google answers 410 <c>fullSyncRequired</c>).</summary>
    public void ExpireSyncTokens()
    {
        lock (_gate)
        {
            _oldestValidSequence = _sequence + 1;
        }
    }

    /// <summary>Queues faults answered to the next API calls (not the token endpoint), in order.</summary>
    public void Fail(int count, HttpStatusCode status, string reason, int? retryAfterSeconds = null)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(new StandInFault(status, reason, retryAfterSeconds));
        }
    }

    /// <summary>Drops the faults still queued: the API answers normally again.</summary>
    public void Recover() => _faults.Clear();

    private Dictionary<string, StandInEvent> Calendar(string calendarId) =>
        _calendars.TryGetValue(calendarId, out var events) ? events : throw new KeyNotFoundException(calendarId);

    private async Task<IResult> FreeBusyAsync(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        if (Guard(request, "freeBusy", body) is { } refused)
        {
            return refused;
        }

        var items = body?["items"]?.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray() ?? [];
        var timeMin = DateTimeOffset.Parse(body!["timeMin"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var timeMax = DateTimeOffset.Parse(body["timeMax"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        if (items.Length > 50)
        {
            return Error(HttpStatusCode.BadRequest, "global", "tooManyCalendarsRequested", "The number of calendars requested is too large.");
        }

        if (timeMax <= timeMin)
        {
            return Error(HttpStatusCode.BadRequest, "calendar", "timeRangeEmpty", "The specified time range is empty.");
        }

        if (timeMax - timeMin > TimeSpan.FromDays(90))
        {
            return Error(HttpStatusCode.BadRequest, "calendar", "timeRangeTooLong", "The specified time range is too long.");
        }

        var calendars = new JsonObject();
        lock (_gate)
        {
            foreach (var id in items)
            {
                if (!_calendars.TryGetValue(id, out var events))
                {
                    calendars[id] = new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["domain"] = "global", ["reason"] = "notFound" }) };
                    continue;
                }

                var busy = events.Values.Where(e => !e.Cancelled).SelectMany(e => e.Instances(timeMax)).Where(e => e.Start < timeMax && timeMin < e.End).OrderBy(e => e.Start)
                    .Select(e => (JsonNode)new JsonObject { ["start"] = Rfc3339(Max(e.Start, timeMin)), ["end"] = Rfc3339(Min(e.End, timeMax)) });
                calendars[id] = new JsonObject { ["busy"] = new JsonArray([.. busy]) };
            }
        }

        return Results.Json(new JsonObject { ["kind"] = "calendar#freeBusy", ["timeMin"] = Rfc3339(timeMin), ["timeMax"] = Rfc3339(timeMax), ["calendars"] = calendars });
    }

    private IResult ListEvents(string calendarId, HttpRequest request)
    {
        if (Guard(request, "events.list", null, calendarId) is { } refused)
        {
            return refused;
        }

        var syncToken = request.Query["syncToken"].ToString();
        var pageToken = request.Query["pageToken"].ToString();
        var singleEvents = request.Query["singleEvents"] == "true";
        lock (_gate)
        {
            if (!_calendars.TryGetValue(calendarId, out var events))
            {
                return Error(HttpStatusCode.NotFound, "global", "notFound", "Not Found");
            }

            long since = 0;
            if (syncToken.Length > 0)
            {
                var parts = syncToken.Split('-');
                if (parts is not ["sync", _, ..] || (since = long.Parse(parts[1], CultureInfo.InvariantCulture)) < _oldestValidSequence)
                {
                    return Error(HttpStatusCode.Gone, "calendar", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.");
                }

                // The reference asks for the parameters of the full sync the token came from, else the answer is undefined.
                if ((parts is [_, _, "single"]) != singleEvents)
                {
                    return Error(HttpStatusCode.BadRequest, "global", "invalid", "Sync token was issued for another singleEvents.");
                }
            }

            // A full sync leaves out deleted events; an incremental one includes them (status "cancelled"). With singleEvents
            // a series comes as its instances (a deleted one as its cancelled instances), never as its master.
            var until = _clock.GetUtcNow() + ExpansionHorizon;
            var changed = events.Values.Where(e => syncToken.Length > 0 ? e.Sequence > since : !e.Cancelled).OrderBy(e => e.Sequence)
                .SelectMany(e => singleEvents ? e.Instances(until) : [e]).ToArray();
            var offset = pageToken.Length > 0 ? int.Parse(pageToken[5..], CultureInfo.InvariantCulture) : 0;
            var page = changed.Skip(offset).Take(PageSize).Select(e => (JsonNode)e.ToJson()).ToArray();
            var result = new JsonObject { ["kind"] = "calendar#events", ["timeZone"] = _timeZones.GetValueOrDefault(calendarId, "UTC"), ["items"] = new JsonArray(page) };
            if (offset + PageSize < changed.Length)
            {
                result["nextPageToken"] = "page-" + (offset + PageSize).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                result["nextSyncToken"] = "sync-" + _sequence.ToString(CultureInfo.InvariantCulture) + (singleEvents ? "-single" : string.Empty);
            }

            return Results.Json(result);
        }
    }

    private async Task<IResult> InsertAsync(string calendarId, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        if (Guard(request, "events.insert", body, calendarId) is { } refused)
        {
            return refused;
        }

        var id = body?["id"]?.GetValue<string>() ?? "gen" + Guid.NewGuid().ToString("N")[..20];
        if (id.Length < 5 || id.Any(c => !"0123456789abcdefghijklmnopqrstuv".Contains(c, StringComparison.Ordinal)))
        {
            return Error(HttpStatusCode.BadRequest, "global", "invalid", "Invalid resource id value.");
        }

        StandInEvent created;
        lock (_gate)
        {
            if (!_calendars.TryGetValue(calendarId, out var events))
            {
                return Error(HttpStatusCode.NotFound, "global", "notFound", "Not Found");
            }

            if (events.ContainsKey(id))
            {
                return Error(HttpStatusCode.Conflict, "global", "duplicate", "The requested identifier already exists.");
            }

            created = events[id] = StandInEvent.From(id, body!, ++_sequence, MeetRequested(request, body) ? MeetLink(id) : null);
        }

        await PushChangeAsync(calendarId);
        return Results.Json(created.ToJson());
    }

    private async Task<IResult> PatchAsync(string calendarId, string eventId, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        if (Guard(request, "events.patch", body, calendarId) is { } refused)
        {
            return refused;
        }

        StandInEvent patched;
        lock (_gate)
        {
            // A deleted event is still addressable by id; setting its status to "confirmed" restores it.
            if (!_calendars.TryGetValue(calendarId, out var events) || !events.TryGetValue(eventId, out var existing)
                || (existing.Cancelled && body?["status"]?.GetValue<string>() != "confirmed"))
            {
                return Error(HttpStatusCode.NotFound, "global", "notFound", "Not Found");
            }

            // A create request makes a meeting only for an event without one (its request id is the event's).
            patched = events[eventId] = existing.Patch(body!, ++_sequence) with
            {
                HangoutLink = existing.HangoutLink ?? (MeetRequested(request, body) ? MeetLink(eventId) : null),
            };
        }

        await PushChangeAsync(calendarId);
        return Results.Json(patched.ToJson());
    }

    private static bool MeetRequested(HttpRequest request, JsonNode? body) =>
        request.Query["conferenceDataVersion"] == "1" && body?["conferenceData"]?["createRequest"] is not null;

    private static string MeetLink(string eventId) => "https://meet.google.com/" + eventId[..3] + "-" + eventId[3..7] + "-" + eventId[7..10];

    private IResult Delete(string calendarId, string eventId, HttpRequest request)
    {
        if (Guard(request, "events.delete", null, calendarId) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            if (!_calendars.TryGetValue(calendarId, out var events) || !events.TryGetValue(eventId, out var existing))
            {
                return Error(HttpStatusCode.NotFound, "global", "notFound", "Not Found");
            }

            if (existing.Cancelled)
            {
                return Error(HttpStatusCode.Gone, "global", "deleted", "Resource has been deleted");
            }

            events[eventId] = existing with { Cancelled = true, Sequence = ++_sequence };
        }

        _ = PushChangeAsync(calendarId);
        return Results.NoContent();
    }

    private async Task<IResult> WatchAsync(string calendarId, HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        if (Guard(request, "events.watch", body, calendarId) is { } refused)
        {
            return refused;
        }

        var id = body?["id"]?.GetValue<string>();
        var address = body?["address"]?.GetValue<string>();
        var type = body?["type"]?.GetValue<string>();
        if (string.IsNullOrEmpty(id) || id.Length > 64 || type is not ("web_hook" or "webhook") || !Uri.TryCreate(address, UriKind.Absolute, out var target))
        {
            return Error(HttpStatusCode.BadRequest, "global", "invalid", "Invalid channel.");
        }

        var ttl = long.TryParse(body?["params"]?["ttl"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var seconds) ? seconds : 604800;
        var expiration = _clock.GetUtcNow().AddSeconds(Math.Min(ttl, 2_592_000));
        StandInChannel channel;
        lock (_gate)
        {
            if (!_calendars.ContainsKey(calendarId))
            {
                return Error(HttpStatusCode.NotFound, "global", "notFound", "Not Found");
            }

            if (_channels.ContainsKey(id))
            {
                return Error(HttpStatusCode.BadRequest, "push", "channelIdNotUnique", "Channel id not unique.");
            }

            channel = _channels[id] = new StandInChannel(id, body?["token"]?.GetValue<string>(), "res-" + calendarId, calendarId, target, expiration);
        }

        // Google sends the "sync" message after answering the watch call.
        _ = Task.Run(() => DeliverAsync(channel, "sync"));
        return Results.Json(new JsonObject
        {
            ["kind"] = "api#channel",
            ["id"] = id,
            ["resourceId"] = channel.ResourceId,
            ["resourceUri"] = ApiBaseUrl + "calendars/" + calendarId + "/events",
            ["token"] = channel.Token,
            ["expiration"] = expiration.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        });
    }

    private async Task<IResult> StopAsync(HttpRequest request)
    {
        var body = await JsonNode.ParseAsync(request.Body);
        if (Guard(request, "channels.stop", body) is { } refused)
        {
            return refused;
        }

        var id = body?["id"]?.GetValue<string>() ?? string.Empty;
        lock (_gate)
        {
            if (!_channels.TryGetValue(id, out var channel) || channel.ResourceId != body?["resourceId"]?.GetValue<string>())
            {
                return Error(HttpStatusCode.NotFound, "global", "notFound", $"Channel '{id}' not found for project");
            }

            _channels.Remove(id);
        }

        return Results.NoContent();
    }

    /// <summary>Notifies the calendar's live channels of a change, in the background as Google does (after the write is answered).</summary>
    private Task PushChangeAsync(string calendarId)
    {
        _ = Task.Run(() => PushNowAsync(calendarId));
        return Task.CompletedTask;
    }

    private async Task PushNowAsync(string calendarId)
    {
        StandInChannel[] channels;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            channels = [.. _channels.Values.Where(c => c.CalendarId == calendarId && c.ExpiresAt > now)];
        }

        foreach (var channel in channels)
        {
            await DeliverAsync(channel, "exists");
        }
    }

    /// <summary>Sends a delivery with a channel's headers; a test may pass other values to forge one.</summary>
    public async Task<HttpStatusCode> DeliverAsync(StandInChannel channel, string state, string? token = null, string? resourceId = null)
    {
        var number = channel.NextMessageNumber();
        using var message = new HttpRequestMessage(HttpMethod.Post, channel.Address);
        message.Headers.Add("X-Goog-Channel-ID", channel.Id);
        if ((token ?? channel.Token) is { } t)
        {
            message.Headers.Add("X-Goog-Channel-Token", t);
        }

        message.Headers.Add("X-Goog-Channel-Expiration", channel.ExpiresAt.ToString("R", CultureInfo.InvariantCulture));
        message.Headers.Add("X-Goog-Resource-ID", resourceId ?? channel.ResourceId);
        message.Headers.Add("X-Goog-Resource-URI", ApiBaseUrl + "calendars/" + channel.CalendarId + "/events");
        message.Headers.Add("X-Goog-Resource-State", state);
        message.Headers.Add("X-Goog-Message-Number", number.ToString(CultureInfo.InvariantCulture));
        HttpStatusCode status;
        try
        {
            using var response = await PushClient.SendAsync(message);
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = HttpStatusCode.ServiceUnavailable;
        }

        _pushes.Enqueue(new StandInPush(channel.Id, state, number, status, _clock.GetUtcNow()));
        return status;
    }

    private IResult? Guard(HttpRequest request, string method, JsonNode? body, string? calendarId = null)
    {
        var token = request.Headers.Authorization.ToString();
        _calls.Enqueue(new StandInCall(method, calendarId, request.QueryString.Value, body?.ToJsonString(), token, _clock.GetUtcNow()));
        if (_faults.TryDequeue(out var fault))
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Error(fault.Status, "usageLimits", fault.Reason, "Rate Limit Exceeded");
        }

        if (!token.StartsWith("Bearer ", StringComparison.Ordinal) || !AccessTokenValid(token["Bearer ".Length..]))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
            return Error(HttpStatusCode.Unauthorized, "global", "authError", "Invalid Credentials");
        }

        return null;
    }

    private static IResult Error(HttpStatusCode status, string domain, string reason, string message) =>
        Results.Json(
            new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject { ["domain"] = domain, ["reason"] = reason, ["message"] = message }),
                    ["code"] = (int)status,
                    ["message"] = message,
                },
            },
            statusCode: (int)status);

    internal static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
