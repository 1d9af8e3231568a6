using Scheduler.Grains.Calendars.Microsoft;
using Scheduler.Grains.Common;

namespace Scheduler.Testing.StandIns.Microsoft;

/// <summary>
/// A local Microsoft Graph v1.0 and identity platform stand-in on Kestrel, following the documented contract of
/// what the connector uses: <c>POST /users/{mailbox}/calendar/getSchedule</c> (400 over 20 schedules or for a range
/// of 62 days or more; <c>Prefer: outlook.timezone</c> honoured in the returned dateTime/timeZone pairs, Windows names
/// included; per-schedule <c>error</c> for unknown mailboxes), <c>POST /users/{mailbox}/events</c> (a repeated
/// <c>transactionId</c> returns the first event), <c>PATCH</c>, <c>DELETE</c> and <c>POST …/cancel</c> of events, Teams
/// join URLs, <c>GET /users/{mailbox}/calendarView/delta</c> (pages, delta links, 410 <c>SyncStateNotFound</c> for an
/// expired token; all-day events at 00:00 UTC with their own zone in <c>originalStartTimeZone</c>),
/// <c>POST/PATCH/DELETE /subscriptions</c> with the validation handshake (the token must come back as text/plain within 10 s), change and lifecycle notifications with <c>clientState</c>, and
/// <c>POST /{tenant}/oauth2/v2.0/token</c> (authorization_code with PKCE, refresh_token, client_credentials). Access
/// tokens last one hour on the given clock (401 <c>InvalidAuthenticationToken</c> after). Faults can be queued
/// (429 with Retry-After, 503, before or after the call takes effect). Concurrent requests are counted per mailbox.
/// </summary>
internal sealed class GraphStandIn : IAsyncDisposable
{
    public const string ClientId = "00000000-0000-0000-0000-00000000c11e";
    public const string ClientSecret = "stand-in-secret";
    public const string Tenant = "contoso.example";
    public const int PageSize = 3;

    private static readonly TimeSpan MaxSubscriptionLifetime = TimeSpan.FromMinutes(10080);

    private LocalServer _server = null!;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, GraphEvent>> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GraphSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<GraphFault> _faults = new();
    private readonly ConcurrentQueue<GraphCall> _calls = new();
    private readonly ConcurrentQueue<GraphDelivery> _deliveries = new();
    private readonly ConcurrentQueue<string> _grants = new();
    private long _sequence;
    private int _epoch;
    private int _ids;

    private GraphStandIn(TimeProvider clock)
    {
        _clock = clock;
    }

    public Uri GraphBaseUrl { get; private set; } = null!;

    public Uri AuthorityHost { get; private set; } = null!;

    /// <summary>Sends validation requests and notifications; a test routes them into the webhook in process.</summary>
    public HttpClient PushClient { get; set; } = new();

    /// <summary>How long each Graph call takes (to let concurrent calls overlap).</summary>
    public TimeSpan ResponseDelay { get; set; }

    public IReadOnlyList<GraphCall> Calls => [.. _calls];

    public IReadOnlyList<GraphDelivery> Deliveries => [.. _deliveries];

    public IReadOnlyList<string> Grants => [.. _grants];

    public IReadOnlyList<GraphSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return [.. _subscriptions.Values.Where(s => s.ExpiresAt > _clock.GetUtcNow())];
            }
        }
    }

    public static async Task<GraphStandIn> StartAsync(TimeProvider clock)
    {
        var standIn = new GraphStandIn(clock);
        standIn._server = await LocalServer.StartAsync(app =>
        {
            app.MapPost("/v1.0/users/{mailbox}/calendar/getSchedule", standIn.GetScheduleAsync);
            app.MapPost("/v1.0/users/{mailbox}/events", standIn.CreateEventAsync);
            app.MapMethods("/v1.0/users/{mailbox}/events/{id}", ["PATCH"], standIn.UpdateEventAsync);
            app.MapDelete("/v1.0/users/{mailbox}/events/{id}", standIn.DeleteEventAsync);
            app.MapPost("/v1.0/users/{mailbox}/events/{id}/cancel", standIn.CancelEventAsync);
            app.MapGet("/v1.0/users/{mailbox}/calendarView/delta", standIn.DeltaAsync);
            app.MapGet("/v1.0/users/{mailbox}/calendarView/delta()", standIn.DeltaAsync);
            app.MapPost("/v1.0/subscriptions", standIn.SubscribeAsync);
            app.MapMethods("/v1.0/subscriptions/{id}", ["PATCH"], standIn.RenewAsync);
            app.MapDelete("/v1.0/subscriptions/{id}", standIn.UnsubscribeAsync);
            app.MapPost("/{tenant}/oauth2/v2.0/token", standIn.TokenAsync);
        });
        standIn.GraphBaseUrl = standIn._server.Url("v1.0/");
        standIn.AuthorityHost = standIn._server.BaseAddress;
        return standIn;
    }

    public int MaxConcurrent(string mailbox) => _maxInFlight.TryGetValue(mailbox, out var n) ? n : 0;

    public void AddMailbox(string mailbox)
    {
        lock (_gate)
        {
            _mailboxes.TryAdd(mailbox, new Dictionary<string, GraphEvent>(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Adds an event as its owner would in Outlook, or as Exchange adds a received invite (with its organizer's
    /// <paramref name="inviteUid"/>), then notifies the mailbox's subscriptions (<c>created</c>).
    /// </summary>
    public Task AddEventAsync(string mailbox, DateTimeOffset start, DateTimeOffset end, string subject = "busy", string? inviteUid = null)
    {
        GraphEvent created;
        lock (_gate)
        {
            created = new GraphEvent(NewId("evt"), mailbox, subject, start, end, ++_sequence, false) { InviteUid = inviteUid };
            Mailbox(mailbox)[created.Id] = created;
        }

        return NotifyAsync(mailbox, created.Id, "created");
    }

    /// <summary>
    /// Adds an all-day event (<paramref name="first"/> to <paramref name="endExclusive"/>) as its owner would in Outlook
    /// in <paramref name="timeZone"/> (a Windows name or an IANA id), then notifies the mailbox's subscriptions. Its busy
    /// time is midnight to midnight in that zone (as <c>getSchedule</c> answers it); events and <c>calendarView/delta</c>
    /// give it as Graph does: <c>isAllDay</c>, the dates at 00:00 with <c>"timeZone":"UTC"</c>, and the zone as
    /// <c>originalStartTimeZone</c> and <c>originalEndTimeZone</c>.
    /// </summary>
    public Task AddAllDayEventAsync(string mailbox, DateOnly first, DateOnly endExclusive, string timeZone, string subject = "day off")
    {
        var zone = GraphDateTime.Zone(timeZone);
        DateTimeOffset Midnight(DateOnly date) => zone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(date)).ToDateTimeOffset().ToUniversalTime();
        GraphEvent created;
        lock (_gate)
        {
            created = new GraphEvent(NewId("evt"), mailbox, subject, Midnight(first), Midnight(endExclusive), ++_sequence, false)
            {
                Dates = (first, endExclusive),
                OriginalTimeZone = timeZone,
            };
            Mailbox(mailbox)[created.Id] = created;
        }

        return NotifyAsync(mailbox, created.Id, "created");
    }

    public IReadOnlyList<GraphEvent> Events(string mailbox)
    {
        lock (_gate)
        {
            return _mailboxes.TryGetValue(mailbox, out var events) ? [.. events.Values.Where(e => !e.Removed)] : [];
        }
    }

    public void ExpireDeltaTokens()
    {
        lock (_gate)
        {
            _epoch++;
        }
    }

    /// <summary>Queues faults for the next Graph calls (not the token endpoint); <paramref name="afterHandling"/> lets the call take effect and then loses the answer.</summary>
    public void Fail(int count, HttpStatusCode status, string code, int? retryAfterSeconds = null, bool afterHandling = false)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(new GraphFault(status, code, retryAfterSeconds, afterHandling));
        }
    }

    /// <summary>Makes every access token issued so far expired (Graph answers 401 <c>InvalidAuthenticationToken</c>).</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            foreach (var token in _accessTokens.Keys.ToArray())
            {
                _accessTokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>Issues delegated tokens as a consent would (a refresh token included).</summary>
    public CalendarCredentials IssueCredentials()
    {
        lock (_gate)
        {
            var (access, refresh, expires) = NewTokens(true);
            return new CalendarCredentials(access, refresh, expires) { Scope = "Calendars.ReadWrite" };
        }
    }

    /// <summary>Issues an authorization code as the consent page would; the PKCE challenge is checked at redemption.</summary>
    public string IssueCode(string? codeChallenge)
    {
        lock (_gate)
        {
            var code = NewId("code");
            _codes[code] = codeChallenge;
            return code;
        }
    }

    /// <summary>Sends a lifecycle notification for a subscription; <c>subscriptionRemoved</c> also removes it.</summary>
    public async Task<HttpStatusCode> SendLifecycleAsync(string subscriptionId, string lifecycleEvent, string? clientState = null)
    {
        GraphSubscription subscription;
        lock (_gate)
        {
            subscription = _subscriptions[subscriptionId];
            if (lifecycleEvent == MicrosoftNotifications.SubscriptionRemoved)
            {
                _subscriptions.Remove(subscriptionId);
            }
        }

        var item = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Iso(subscription.ExpiresAt),
            ["tenantId"] = Tenant,
            ["clientState"] = clientState ?? subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        };
        return await DeliverAsync(subscription.LifecycleUrl ?? subscription.NotificationUrl, "lifecycle:" + lifecycleEvent, subscription.Id, item);
    }

    /// <summary>Sends a change notification with a chosen client state (a forger's).</summary>
    public Task<HttpStatusCode> SendChangeAsync(string subscriptionId, string clientState)
    {
        GraphSubscription subscription;
        lock (_gate)
        {
            subscription = _subscriptions[subscriptionId];
        }

        return DeliverAsync(subscription.NotificationUrl, "change", subscription.Id, ChangeItem(subscription, "unknown", "updated", clientState));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        PushClient.Dispose();
    }

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static IResult Error(HttpStatusCode status, string code, string message, int? retryAfter = null)
    {
        var body = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        return new RawResult(status, body, retryAfter);
    }

    private static JsonObject DateTimeTimeZone(DateTimeOffset instant, string zoneName)
    {
        var local = NodaTime.Instant.FromDateTimeOffset(instant).InZone(GraphDateTime.Zone(zoneName)).LocalDateTime;
        return new JsonObject
        {
            ["dateTime"] = local.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.0000000'", CultureInfo.InvariantCulture),
            ["timeZone"] = zoneName,
        };
    }

    /// <summary>An all-day event's date as Graph gives it: 00:00 of the date with <c>"timeZone":"UTC"</c>, whatever the event's zone.</summary>
    private static JsonObject AllDayDate(DateOnly date) => new()
    {
        ["dateTime"] = date.ToString("yyyy'-'MM'-'dd'T00:00:00.0000000'", CultureInfo.InvariantCulture),
        ["timeZone"] = "UTC",
    };

    private static DateTimeOffset ReadInstant(JsonNode? node) =>
        GraphDateTime.ToUtc(node!["dateTime"]!.GetValue<string>(), node["timeZone"]?.GetValue<string>());

    private static string PreferredZone(HttpRequest request)
    {
        foreach (var prefer in request.Headers["Prefer"])
        {
            const string Key = "outlook.timezone=";
            var at = prefer?.IndexOf(Key, StringComparison.OrdinalIgnoreCase) ?? -1;
            if (at >= 0)
            {
                return prefer![(at + Key.Length)..].Trim().Trim('"');
            }
        }

        return "UTC";
    }

    private Dictionary<string, GraphEvent> Mailbox(string mailbox) =>
        _mailboxes.TryGetValue(mailbox, out var events) ? events : throw new KeyNotFoundException(mailbox);

    private string NewId(string prefix) => prefix + "-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);

    private (string Access, string? Refresh, DateTimeOffset ExpiresAt) NewTokens(bool refresh)
    {
        var access = NewId("at");
        var expires = _clock.GetUtcNow().AddHours(1);
        _accessTokens[access] = expires;
        string? refreshToken = null;
        if (refresh)
        {
            refreshToken = NewId("rt");
            _refreshTokens[refreshToken] = access;
        }

        return (access, refreshToken, expires);
    }

    /// <summary>Authenticates, counts, delays and applies queued faults around one Graph call.</summary>
    private async Task<IResult> CallAsync(HttpRequest request, string operation, string? mailbox, Func<Task<IResult>> handle, int schedules = 0, TimeSpan range = default)
    {
        _calls.Enqueue(new GraphCall(operation, mailbox, schedules, range));
        var key = mailbox ?? "(none)";
        var now = _inFlight.AddOrUpdate(key, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(key, now, (_, max) => Math.Max(max, now));
        try
        {
            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay);
            }

            var auth = request.Headers.Authorization.ToString();
            lock (_gate)
            {
                if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_accessTokens.TryGetValue(auth[7..], out var expires) || expires <= _clock.GetUtcNow())
                {
                    return Error(HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
                }
            }

            if (_faults.TryPeek(out var fault) && !fault.AfterHandling && _faults.TryDequeue(out fault))
            {
                return Error(fault.Status, fault.Code, "Injected fault.", fault.RetryAfterSeconds);
            }

            var result = await handle();
            if (_faults.TryPeek(out fault) && fault.AfterHandling && _faults.TryDequeue(out fault))
            {
                return Error(fault.Status, fault.Code, "Injected fault after the call took effect.", fault.RetryAfterSeconds);
            }

            return result;
        }
        finally
        {
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }

    private Task<IResult> GetScheduleAsync(string mailbox, HttpRequest request) => WithBodyAsync(request, async body =>
    {
        var schedules = body?["schedules"]?.AsArray().Select(s => s!.GetValue<string>()).ToArray() ?? [];
        var start = ReadInstant(body?["startTime"]);
        var end = ReadInstant(body?["endTime"]);
        return await CallAsync(request, "getSchedule", mailbox, () =>
        {
            if (schedules.Length is 0 or > 20)
            {
                return Task.FromResult(Error(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "The number of schedules must be between 1 and 20."));
            }

            if (end <= start || end - start >= TimeSpan.FromDays(62))
            {
                return Task.FromResult(Error(HttpStatusCode.BadRequest, "ErrorInvalidTimeInterval", "The time range must be non-empty and shorter than 62 days."));
            }

            var zone = PreferredZone(request);
            var interval = body?["availabilityViewInterval"]?.GetValue<int>() ?? 30;
            var values = new JsonArray();
            lock (_gate)
            {
                foreach (var schedule in schedules)
                {
                    if (!_mailboxes.TryGetValue(schedule, out var events))
                    {
                        values.Add(new JsonObject
                        {
                            ["scheduleId"] = schedule,
                            ["availabilityView"] = string.Empty,
                            ["error"] = new JsonObject { ["message"] = $"The mailbox {schedule} was not found.", ["responseCode"] = "ErrorMailboxNotFound" },
                        });
                        continue;
                    }

                    var busy = events.Values.Where(e => !e.Removed && e.Start < end && start < e.End).OrderBy(e => e.Start).ToArray();
                    var view = string.Concat(Enumerable.Range(0, (int)Math.Ceiling((end - start).TotalMinutes / interval)).Select(i =>
                    {
                        var slot = new TimeRange(start.AddMinutes(i * interval), start.AddMinutes((i + 1) * interval));
                        return busy.Any(e => e.Start < slot.End && slot.Start < e.End) ? '2' : '0';
                    }));
                    values.Add(new JsonObject
                    {
                        ["scheduleId"] = schedule,
                        ["availabilityView"] = view,
                        ["scheduleItems"] = new JsonArray([.. busy.Select(e => (JsonNode)new JsonObject
                        {
                            ["isPrivate"] = false,
                            ["status"] = "busy",
                            ["subject"] = e.Subject,
                            ["start"] = DateTimeTimeZone(e.Start, zone),
                            ["end"] = DateTimeTimeZone(e.End, zone),
                        })]),
                    });
                }
            }

            return Task.FromResult<IResult>(Results.Json(new JsonObject { ["value"] = values }));
        }, schedules.Length, end - start);
    });

    private Task<IResult> CreateEventAsync(string mailbox, HttpRequest request) => WithBodyAsync(request, body => CallAsync(request, "events.create", mailbox, async () =>
    {
        GraphEvent created;
        var transactionId = body?["transactionId"]?.GetValue<string>();
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(mailbox, out var events))
            {
                return Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The mailbox was not found.");
            }

            if (transactionId is not null && events.Values.FirstOrDefault(e => e.TransactionId == transactionId && !e.Removed) is { } existing)
            {
                return Results.Json(ToJson(existing, PreferredZone(request)), statusCode: 201);
            }

            var teams = body?["isOnlineMeeting"]?.GetValue<bool>() == true && body["onlineMeetingProvider"]?.GetValue<string>() == "teamsForBusiness";
            var id = NewId("evt");
            created = new GraphEvent(id, mailbox, body?["subject"]?.GetValue<string>() ?? string.Empty, ReadInstant(body?["start"]), ReadInstant(body?["end"]), ++_sequence, false)
            {
                TransactionId = transactionId,
                JoinUrl = teams ? $"https://teams.microsoft.com/l/meetup-join/{id}" : null,
                Attendees = [.. body?["attendees"]?.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()) ?? []],
            };
            events[id] = created;
        }

        NotifyLater(mailbox, created.Id, "created");
        return Results.Json(ToJson(created, PreferredZone(request)), statusCode: 201);
    }));

    private Task<IResult> UpdateEventAsync(string mailbox, string id, HttpRequest request) => WithBodyAsync(request, body => CallAsync(request, "events.update", mailbox, async () =>
    {
        GraphEvent updated;
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(mailbox, out var events) || !events.TryGetValue(id, out var current) || current.Removed)
            {
                return Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
            }

            updated = current with
            {
                Subject = body?["subject"]?.GetValue<string>() ?? current.Subject,
                Start = body?["start"] is { } s ? ReadInstant(s) : current.Start,
                End = body?["end"] is { } e ? ReadInstant(e) : current.End,
                Sequence = ++_sequence,
            };
            events[id] = updated;
        }

        NotifyLater(mailbox, id, "updated");
        return Results.Json(ToJson(updated, PreferredZone(request)));
    }));

    private Task<IResult> CancelEventAsync(string mailbox, string id, HttpRequest request) => CallAsync(request, "events.cancel", mailbox, () => RemoveAsync(mailbox, id, cancelled: true));

    private Task<IResult> DeleteEventAsync(string mailbox, string id, HttpRequest request) => CallAsync(request, "events.delete", mailbox, () => RemoveAsync(mailbox, id, cancelled: false));

    private async Task<IResult> RemoveAsync(string mailbox, string id, bool cancelled)
    {
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(mailbox, out var events) || !events.TryGetValue(id, out var current) || current.Removed)
            {
                return Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
            }

            events[id] = current with { Removed = true, Cancelled = cancelled, Sequence = ++_sequence };
        }

        NotifyLater(mailbox, id, "deleted");
        return cancelled ? Results.StatusCode(202) : Results.NoContent();
    }

    private Task<IResult> DeltaAsync(string mailbox, HttpRequest request) => CallAsync(request, "calendarView.delta", mailbox, () =>
    {
        var deltaToken = request.Query["$deltatoken"].ToString();
        var skipToken = request.Query["$skiptoken"].ToString();
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(mailbox, out var events))
            {
                return Task.FromResult(Error(HttpStatusCode.NotFound, "ErrorItemNotFound", "The mailbox was not found."));
            }

            long since = -1;
            var offset = 0;
            var token = skipToken.Length > 0 ? skipToken : deltaToken;
            if (token.Length > 0)
            {
                var parts = token.Split('.');
                if (parts.Length < 2 || int.Parse(parts[0], CultureInfo.InvariantCulture) != _epoch)
                {
                    return Task.FromResult(Error(HttpStatusCode.Gone, "SyncStateNotFound", "The sync state generation is not found."));
                }

                since = long.Parse(parts[1], CultureInfo.InvariantCulture);
                offset = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
            }
            else if (request.Query["startDateTime"].Count == 0 || request.Query["endDateTime"].Count == 0)
            {
                return Task.FromResult(Error(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "startDateTime and endDateTime are required."));
            }

            var changed = events.Values.Where(e => since >= 0 ? e.Sequence > since : !e.Removed).OrderBy(e => e.Sequence).ToArray();
            var page = changed.Skip(offset).Take(PageSize).Select(e => (JsonNode)(e.Removed ? new JsonObject { ["id"] = e.Id, ["@removed"] = new JsonObject { ["reason"] = "deleted" } } : ToJson(e, "UTC"))).ToArray();
            var result = new JsonObject { ["value"] = new JsonArray(page) };
            var link = new Uri(GraphBaseUrl, $"users/{Uri.EscapeDataString(mailbox)}/calendarView/delta").AbsoluteUri;
            if (offset + PageSize < changed.Length)
            {
                result["@odata.nextLink"] = link + "?$skiptoken=" + string.Join('.', _epoch, since, offset + PageSize);
            }
            else
            {
                result["@odata.deltaLink"] = link + "?$deltatoken=" + string.Join('.', _epoch, _sequence);
            }

            return Task.FromResult<IResult>(Results.Json(result));
        }
    });

    private Task<IResult> SubscribeAsync(HttpRequest request) => WithBodyAsync(request, body => CallAsync(request, "subscriptions.create", null, async () =>
    {
        var resource = body?["resource"]?.GetValue<string>() ?? string.Empty;
        var clientState = body?["clientState"]?.GetValue<string>();
        var expires = DateTimeOffset.Parse(body?["expirationDateTime"]?.GetValue<string>() ?? "0001-01-01", CultureInfo.InvariantCulture);
        var now = _clock.GetUtcNow();
        var parts = resource.Trim('/').Split('/');
        if (parts is not ["users", var mailbox, "events"] || body?["changeType"] is null || !Uri.TryCreate(body["notificationUrl"]?.GetValue<string>(), UriKind.Absolute, out var url) || url.Scheme != "https")
        {
            return Error(HttpStatusCode.BadRequest, "InvalidRequest", "resource, changeType and an https notificationUrl are required.");
        }

        if (clientState is { Length: > 128 } || expires <= now || expires > now + MaxSubscriptionLifetime)
        {
            return Error(HttpStatusCode.BadRequest, "InvalidRequest", "clientState is at most 128 characters; expirationDateTime must be within 10080 minutes.");
        }

        Uri? lifecycle = null;
        if (body["lifecycleNotificationUrl"]?.GetValue<string>() is { } lifecycleText && !Uri.TryCreate(lifecycleText, UriKind.Absolute, out lifecycle))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidRequest", "lifecycleNotificationUrl is not a URL.");
        }

        if (lifecycle is null && expires - now > TimeSpan.FromHours(1))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidRequest", "lifecycleNotificationUrl is required when expirationDateTime is more than 1 hour from now.");
        }

        foreach (var address in new[] { url, lifecycle }.OfType<Uri>().Distinct())
        {
            if (!await ValidateAsync(address))
            {
                return Error(HttpStatusCode.BadRequest, "ValidationError", $"Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.");
            }
        }

        GraphSubscription subscription;
        lock (_gate)
        {
            if (!_mailboxes.ContainsKey(mailbox))
            {
                return Error(HttpStatusCode.NotFound, "ResourceNotFound", "The mailbox was not found.");
            }

            subscription = new GraphSubscription(NewId("sub"), mailbox, url, lifecycle, clientState ?? string.Empty, expires);
            _subscriptions[subscription.Id] = subscription;
        }

        return Results.Json(SubscriptionJson(subscription, body), statusCode: 201);
    }));

    private Task<IResult> RenewAsync(string id, HttpRequest request) => WithBodyAsync(request, body => CallAsync(request, "subscriptions.renew", null, () =>
    {
        var expires = DateTimeOffset.Parse(body?["expirationDateTime"]?.GetValue<string>() ?? "0001-01-01", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(id, out var subscription) || subscription.ExpiresAt <= _clock.GetUtcNow())
            {
                return Task.FromResult(Error(HttpStatusCode.NotFound, "ResourceNotFound", "The object was not found."));
            }

            if (expires <= _clock.GetUtcNow() || expires > _clock.GetUtcNow() + MaxSubscriptionLifetime)
            {
                return Task.FromResult(Error(HttpStatusCode.BadRequest, "InvalidRequest", "expirationDateTime must be within 10080 minutes."));
            }

            _subscriptions[id] = subscription with { ExpiresAt = expires };
            return Task.FromResult<IResult>(Results.Json(SubscriptionJson(_subscriptions[id], null)));
        }
    }));

    private Task<IResult> UnsubscribeAsync(string id, HttpRequest request) => CallAsync(request, "subscriptions.delete", null, () =>
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.Remove(id) ? Results.NoContent() : Error(HttpStatusCode.NotFound, "ResourceNotFound", "The object was not found."));
        }
    });

    private async Task<IResult> TokenAsync(string tenant, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return OAuthError(HttpStatusCode.Unauthorized, "invalid_client");
        }

        _grants.Enqueue(form["grant_type"].ToString());
        lock (_gate)
        {
            switch (form["grant_type"].ToString())
            {
                case "client_credentials":
                    if (form["scope"] != MicrosoftOAuthClient.AppOnlyScope || tenant is "common" or "organizations")
                    {
                        return OAuthError(HttpStatusCode.BadRequest, "invalid_scope");
                    }

                    var (appToken, _, appExpires) = NewTokens(false);
                    return TokenJson(appToken, null, appExpires, MicrosoftOAuthClient.AppOnlyScope);
                case "authorization_code":
                    if (!_codes.Remove(form["code"].ToString(), out var challenge)
                        || (challenge is not null && Scheduler.Grains.Calendars.Providers.Pkce.Challenge(form["code_verifier"].ToString()) != challenge))
                    {
                        return OAuthError(HttpStatusCode.BadRequest, "invalid_grant");
                    }

                    var (access, refresh, expires) = NewTokens(true);
                    return TokenJson(access, refresh, expires, "Calendars.ReadWrite");
                case "refresh_token":
                    if (!_refreshTokens.Remove(form["refresh_token"].ToString()))
                    {
                        return OAuthError(HttpStatusCode.BadRequest, "invalid_grant");
                    }

                    var (renewed, rotated, renewedExpires) = NewTokens(true);
                    return TokenJson(renewed, rotated, renewedExpires, "Calendars.ReadWrite");
                default:
                    return OAuthError(HttpStatusCode.BadRequest, "unsupported_grant_type");
            }
        }
    }

    private IResult TokenJson(string access, string? refresh, DateTimeOffset expires, string scope)
    {
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = (int)(expires - _clock.GetUtcNow()).TotalSeconds,
            ["access_token"] = access,
        };
        if (refresh is not null)
        {
            body["refresh_token"] = refresh;
        }

        return Results.Json(body);
    }

    private static IResult OAuthError(HttpStatusCode status, string error) =>
        new RawResult(status, new JsonObject { ["error"] = error, ["error_description"] = $"AADSTS stand-in: {error}" }, null);

    private static async Task<IResult> WithBodyAsync(HttpRequest request, Func<JsonNode?, Task<IResult>> handle)
    {
        JsonNode? body;
        try
        {
            // Action parameters match case-insensitively: the Graph SDK sends getSchedule's as PascalCase, and Graph accepts both.
            body = await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        }
        catch (System.Text.Json.JsonException)
        {
            return Error(HttpStatusCode.BadRequest, "BadRequest", "Unable to read JSON request payload.");
        }

        return await handle(body);
    }

    private async Task<bool> ValidateAsync(Uri address)
    {
        var token = "validation-" + Guid.NewGuid().ToString("N");
        var url = address.AbsoluteUri + (address.Query.Length > 0 ? "&" : "?") + "validationToken=" + Uri.EscapeDataString(token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await PushClient.PostAsync(url, new StringContent(string.Empty), timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var ok = response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/plain" && text == token;
            _deliveries.Enqueue(new GraphDelivery("validation", string.Empty, ok ? HttpStatusCode.OK : response.StatusCode));
            return ok;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            _deliveries.Enqueue(new GraphDelivery("validation", string.Empty, HttpStatusCode.GatewayTimeout));
            return false;
        }
    }

    /// <summary>Notifies after the call that made the change has answered, as Graph does (never within it).</summary>
    private void NotifyLater(string mailbox, string eventId, string changeType) => _ = Task.Run(() => NotifyAsync(mailbox, eventId, changeType));

    private async Task NotifyAsync(string mailbox, string eventId, string changeType)
    {
        GraphSubscription[] targets;
        lock (_gate)
        {
            targets = [.. _subscriptions.Values.Where(s => string.Equals(s.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase) && s.ExpiresAt > _clock.GetUtcNow())];
        }

        foreach (var subscription in targets)
        {
            await DeliverAsync(subscription.NotificationUrl, "change", subscription.Id, ChangeItem(subscription, eventId, changeType, subscription.ClientState));
        }
    }

    private static JsonObject ChangeItem(GraphSubscription subscription, string eventId, string changeType, string clientState) => new()
    {
        ["subscriptionId"] = subscription.Id,
        ["subscriptionExpirationDateTime"] = Iso(subscription.ExpiresAt),
        ["changeType"] = changeType,
        ["resource"] = $"Users/{subscription.Mailbox}/Events/{eventId}",
        ["resourceData"] = new JsonObject { ["@odata.type"] = "#Microsoft.Graph.Event", ["@odata.id"] = $"Users/{subscription.Mailbox}/Events/{eventId}", ["id"] = eventId },
        ["clientState"] = clientState,
        ["tenantId"] = Tenant,
    };

    private async Task<HttpStatusCode> DeliverAsync(Uri address, string kind, string subscriptionId, JsonObject item)
    {
        var payload = new JsonObject { ["value"] = new JsonArray(item) };
        try
        {
            using var response = await PushClient.PostAsync(address, new StringContent(payload.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            _deliveries.Enqueue(new GraphDelivery(kind, subscriptionId, response.StatusCode));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            _deliveries.Enqueue(new GraphDelivery(kind, subscriptionId, HttpStatusCode.BadGateway));
            return HttpStatusCode.BadGateway;
        }
    }

    private static JsonObject SubscriptionJson(GraphSubscription subscription, JsonNode? body) => new()
    {
        ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
        ["id"] = subscription.Id,
        ["resource"] = $"/users/{subscription.Mailbox}/events",
        ["changeType"] = body?["changeType"]?.GetValue<string>() ?? "created,updated,deleted",
        ["clientState"] = subscription.ClientState,
        ["notificationUrl"] = subscription.NotificationUrl.AbsoluteUri,
        ["lifecycleNotificationUrl"] = subscription.LifecycleUrl?.AbsoluteUri,
        ["expirationDateTime"] = Iso(subscription.ExpiresAt),
    };

    private static JsonObject ToJson(GraphEvent e, string zone)
    {
        var json = new JsonObject
        {
            ["id"] = e.Id,
            ["subject"] = e.Subject,
            ["iCalUId"] = GlobalObjectIdHex(e),
            ["start"] = e.Dates is { } dates ? AllDayDate(dates.First) : DateTimeTimeZone(e.Start, zone),
            ["end"] = e.Dates is { } until ? AllDayDate(until.EndExclusive) : DateTimeTimeZone(e.End, zone),
            ["isAllDay"] = e.Dates is not null,
            ["originalStartTimeZone"] = e.OriginalTimeZone ?? "UTC",
            ["originalEndTimeZone"] = e.OriginalTimeZone ?? "UTC",
            ["isOnlineMeeting"] = e.JoinUrl is not null,
            ["transactionId"] = e.TransactionId,
            ["attendees"] = new JsonArray([.. e.Attendees.Select(a => (JsonNode)new JsonObject { ["type"] = "required", ["emailAddress"] = new JsonObject { ["address"] = a } })]),
        };
        if (e.JoinUrl is not null)
        {
            json["onlineMeetingProvider"] = "teamsForBusiness";
            json["onlineMeeting"] = new JsonObject { ["joinUrl"] = e.JoinUrl };
        }

        return json;
    }

    /// <summary>
    /// The event's <c>iCalUId</c> as Exchange gives it: its Global Object ID in hex ([MS-OXOCAL] §2.2.1.27), whose data is
    /// a received invite's UID behind <c>vCal-Uid</c> and version 1 with a closing NUL, or 16 bytes of Exchange's own.
    /// </summary>
    private static string GlobalObjectIdHex(GraphEvent e)
    {
        byte[] data = e.InviteUid is { } uid
            ? [.. "vCal-Uid"u8, 1, 0, 0, 0, .. System.Text.Encoding.UTF8.GetBytes(uid), 0]
            : System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(e.Id))[..16];
        byte[] header = [0x04, 0x00, 0x00, 0x00, 0x82, 0x00, 0xE0, 0x00, 0x74, 0xC5, 0xB7, 0x10, 0x1A, 0x82, 0xE0, 0x08, 0, 0, 0, 0];
        var created = BitConverter.GetBytes(e.Start.ToFileTime());
        return Convert.ToHexString([.. header, .. created, .. new byte[8], .. BitConverter.GetBytes(data.Length), .. data]);
    }

    /// <summary>A JSON answer with a chosen status and an optional Retry-After (seconds).</summary>
    private sealed class RawResult(HttpStatusCode status, JsonNode body, int? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = (int)status;
            if (retryAfter is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.WriteAsync(body.ToJsonString());
        }
    }
}
