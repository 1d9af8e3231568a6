using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The Graph v1.0 calls of the connector (REST over <see cref="MicrosoftHttp"/>):
/// <c>calendar: getSchedule</c> (chunked by <see cref="ScheduleChunk"/>, run in parallel, merged),
/// <c>event: delta</c> on <c>calendarView</c> (change detection), <c>subscriptions</c> (create,
/// delete), and events create/update/cancel. Every call names its mailbox so the per-mailbox limit
/// holds. Every call throws <see cref="CalendarProviderException"/> when Graph refuses after retries.
/// </summary>
/// <param name="http">Sends with retries and the per-mailbox limit.</param>
/// <param name="options">Base URL, response zone, webhook address, subscription lifetime.</param>
/// <param name="time">The clock (subscription expiry, sync window).</param>
public sealed class MicrosoftGraphClient(MicrosoftHttp http, IOptions<MicrosoftOptions> options, TimeProvider time)
{
    /// <summary>The <c>scheduleItems</c> statuses counted as busy: <c>busy</c>, <c>oof</c> and <c>tentative</c> (<c>free</c> and <c>workingElsewhere</c> are not).</summary>
    public static readonly IReadOnlySet<string> BusyStatuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "busy", "oof", "tentative" };

    private static readonly HttpStatusCode[] Gone = [HttpStatusCode.NotFound];

    /// <summary>Reads the busy intervals of mailboxes over a range with <c>POST /users/{mailbox}/calendar/getSchedule</c>, where the path names the first mailbox of each call.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailboxes">The mailboxes (SMTP addresses); at least one.</param>
    /// <param name="range">The range (UTC), any length.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Busy intervals per mailbox (UTC, clipped to the range, ordered, overlapping ones merged) and Graph's per-schedule error messages.</returns>
    /// <exception cref="CalendarProviderException">A call was refused after retries.</exception>
    public async Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> GetScheduleAsync(
        string accessToken, IReadOnlyList<string> mailboxes, TimeRange range, CancellationToken cancellationToken)
    {
        var chunks = ScheduleChunk.Plan(mailboxes, range);
        var answers = await Task.WhenAll(chunks.Select(chunk => GetScheduleChunkAsync(accessToken, chunk, cancellationToken)));
        var busy = mailboxes.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(m => m, _ => new List<TimeRange>(), StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (chunkBusy, chunkErrors) in answers)
        {
            foreach (var (mailbox, intervals) in chunkBusy)
            {
                busy[mailbox].AddRange(intervals);
            }

            foreach (var (mailbox, message) in chunkErrors)
            {
                errors.TryAdd(mailbox, message);
            }
        }

        return (busy.Where(b => !errors.ContainsKey(b.Key)).ToDictionary(b => b.Key, b => (IReadOnlyList<TimeRange>)Merge(b.Value, range), StringComparer.OrdinalIgnoreCase), errors);
    }

    /// <summary>
    /// Lists what changed in a mailbox's calendar with <c>GET /users/{mailbox}/calendarView/delta</c>
    /// over [now − 1 day, now + <see cref="MicrosoftOptions.SyncWindow"/>], following
    /// <c>@odata.nextLink</c> pages to the <c>@odata.deltaLink</c>.
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="deltaLink">The previous <c>@odata.deltaLink</c>; <see langword="null"/> for a full round.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The number of changed (or removed) events and the next delta link.</returns>
    /// <exception cref="CalendarProviderException">Graph refused; an expired delta token is 410 (<see cref="CalendarProviderException.SyncTokenExpired"/>); a link not under <see cref="MicrosoftOptions.GraphBaseUrl"/> is refused the same way (the token is never sent elsewhere).</exception>
    public async Task<(int Changed, string DeltaLink)> DeltaAsync(string accessToken, string mailbox, string? deltaLink, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Uri next;
        if (deltaLink is null)
        {
            var now = time.GetUtcNow();
            next = Api($"users/{Escape(mailbox)}/calendarView/delta?startDateTime={Uri.EscapeDataString(GraphDateTime.FormatUtc(now.AddDays(-1)))}Z&endDateTime={Uri.EscapeDataString(GraphDateTime.FormatUtc(now + settings.SyncWindow))}Z");
        }
        else
        {
            next = Trusted(deltaLink, nameof(deltaLink));
        }

        var changed = 0;
        for (var page = 0; page < 1000; page++)
        {
            var url = next;
            var (_, body) = await http.SendAsync("calendarView.delta", mailbox, () => Request(HttpMethod.Get, url, accessToken), null, cancellationToken);
            changed += body?["value"]?.AsArray().Count ?? 0;
            if (body?["@odata.deltaLink"]?.GetValue<string>() is { } done)
            {
                Trusted(done, "@odata.deltaLink");
                return (changed, done);
            }

            next = Trusted(body?["@odata.nextLink"]?.GetValue<string>() ?? throw new CalendarProviderException("calendarView.delta", HttpStatusCode.OK, "no nextLink or deltaLink"), "@odata.nextLink");
        }

        throw new CalendarProviderException("calendarView.delta", HttpStatusCode.OK, "too many pages");
    }

    /// <summary>
    /// Creates a subscription to a mailbox's events (<c>POST /subscriptions</c>, change types
    /// created, updated, deleted; lifecycle notifications to the same address). Graph validates the
    /// address first (the webhook echoes <c>validationToken</c>) and refuses with 400 when it cannot.
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="channelId">Our channel id.</param>
    /// <param name="channelToken">The channel token (see <see cref="SubscriptionAddress"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Graph's subscription id and its expiry (UTC).</returns>
    /// <exception cref="InvalidOperationException"><see cref="MicrosoftOptions.WebhookUrl"/> is not set.</exception>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public async Task<(string SubscriptionId, DateTimeOffset ExpiresAt)> SubscribeAsync(string accessToken, string mailbox, string channelId, string channelToken, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var webhook = settings.WebhookUrl ?? throw new InvalidOperationException("Microsoft:WebhookUrl is not configured.");
        var (url, clientState) = SubscriptionAddress.Build(webhook, channelId, channelToken);
        var expires = time.GetUtcNow() + settings.SubscriptionTtl;
        var payload = new JsonObject
        {
            ["changeType"] = "created,updated,deleted",
            ["notificationUrl"] = url.AbsoluteUri,
            ["lifecycleNotificationUrl"] = url.AbsoluteUri,
            ["resource"] = $"/users/{mailbox}/events",
            ["expirationDateTime"] = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["clientState"] = clientState,
        };
        var (_, body) = await http.SendAsync("subscriptions.create", null, () => Request(HttpMethod.Post, Api("subscriptions"), accessToken, payload), null, cancellationToken);
        var id = body?["id"]?.GetValue<string>() ?? throw new CalendarProviderException("subscriptions.create", HttpStatusCode.OK, "no id");
        var granted = body["expirationDateTime"]?.GetValue<string>() is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : expires;
        return (id, granted);
    }

    /// <summary>Deletes a subscription (<c>DELETE /subscriptions/{id}</c>); an unknown one (404) counts as deleted.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="subscriptionId">Graph's subscription id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when deleted.</returns>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public Task UnsubscribeAsync(string accessToken, string subscriptionId, CancellationToken cancellationToken) =>
        http.SendAsync("subscriptions.delete", null, () => Request(HttpMethod.Delete, Api($"subscriptions/{Escape(subscriptionId)}"), accessToken), Gone, cancellationToken);

    /// <summary>
    /// Creates an event in a mailbox's calendar (<c>POST /users/{mailbox}/events</c>) with
    /// <c>transactionId</c>, so a retry (ours or Polly's) returns the event of the first attempt.
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailbox">The organizer's mailbox.</param>
    /// <param name="write">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event, with its Teams join URL when asked.</returns>
    /// <exception cref="ArgumentException">The range is empty or the transaction id is missing.</exception>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public async Task<MicrosoftEvent> CreateEventAsync(string accessToken, string mailbox, MicrosoftEventWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentException.ThrowIfNullOrEmpty(write.TransactionId, nameof(write));
        var payload = EventPayload(write);
        payload["transactionId"] = write.TransactionId;
        var (_, body) = await http.SendAsync("events.create", mailbox, () => Request(HttpMethod.Post, Api($"users/{Escape(mailbox)}/events"), accessToken, payload), null, cancellationToken);
        return ReadEvent(body, "events.create");
    }

    /// <summary>Updates an event's subject, time, attendees and Teams meeting (<c>PATCH /users/{mailbox}/events/{id}</c>).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailbox">The organizer's mailbox.</param>
    /// <param name="eventId">Graph's event id.</param>
    /// <param name="write">The new values (the transaction id is not sent).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated event.</returns>
    /// <exception cref="CalendarProviderException">Graph refused (404 when the event is gone).</exception>
    public async Task<MicrosoftEvent> UpdateEventAsync(string accessToken, string mailbox, string eventId, MicrosoftEventWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var payload = EventPayload(write);
        var (_, body) = await http.SendAsync("events.update", mailbox, () => Request(HttpMethod.Patch, Api($"users/{Escape(mailbox)}/events/{Escape(eventId)}"), accessToken, payload), null, cancellationToken);
        return ReadEvent(body, "events.update");
    }

    /// <summary>Cancels a meeting and tells its attendees (<c>POST /users/{mailbox}/events/{id}/cancel</c>, organizer only); an event already gone (404) counts as cancelled.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailbox">The organizer's mailbox.</param>
    /// <param name="eventId">Graph's event id.</param>
    /// <param name="comment">The message to attendees; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when cancelled.</returns>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public Task CancelEventAsync(string accessToken, string mailbox, string eventId, string? comment, CancellationToken cancellationToken) =>
        http.SendAsync(
            "events.cancel",
            mailbox,
            () => Request(HttpMethod.Post, Api($"users/{Escape(mailbox)}/events/{Escape(eventId)}/cancel"), accessToken, new JsonObject { ["comment"] = comment ?? string.Empty }),
            Gone,
            cancellationToken);

    private async Task<(Dictionary<string, List<TimeRange>> Busy, Dictionary<string, string> Errors)> GetScheduleChunkAsync(string accessToken, ScheduleChunk chunk, CancellationToken cancellationToken)
    {
        var zone = options.Value.ResponseTimeZone;
        var payload = new JsonObject
        {
            ["schedules"] = new JsonArray([.. chunk.Mailboxes.Select(m => (JsonNode)JsonValue.Create(m))]),
            ["startTime"] = new JsonObject { ["dateTime"] = GraphDateTime.FormatUtc(chunk.Range.Start), ["timeZone"] = "UTC" },
            ["endTime"] = new JsonObject { ["dateTime"] = GraphDateTime.FormatUtc(chunk.Range.End), ["timeZone"] = "UTC" },
            ["availabilityViewInterval"] = 60,
        };
        var path = chunk.Mailboxes[0];
        var (_, body) = await http.SendAsync(
            "getSchedule",
            path,
            () =>
            {
                var request = Request(HttpMethod.Post, Api($"users/{Escape(path)}/calendar/getSchedule"), accessToken, payload);
                request.Headers.TryAddWithoutValidation("Prefer", $"outlook.timezone=\"{zone}\"");
                return request;
            },
            null,
            cancellationToken);
        var busy = new Dictionary<string, List<TimeRange>>(StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var schedule in body?["value"]?.AsArray() ?? [])
        {
            var id = schedule?["scheduleId"]?.GetValue<string>();
            if (id is null)
            {
                continue;
            }

            if (schedule!["error"] is { } error)
            {
                errors[id] = error["responseCode"]?.GetValue<string>() ?? error["message"]?.GetValue<string>() ?? "error";
                continue;
            }

            var list = busy.TryGetValue(id, out var known) ? known : busy[id] = [];
            foreach (var item in schedule["scheduleItems"]?.AsArray() ?? [])
            {
                if (item?["status"]?.GetValue<string>() is { } status && BusyStatuses.Contains(status))
                {
                    list.Add(new TimeRange(ReadDateTime(item["start"]), ReadDateTime(item["end"])));
                }
            }
        }

        return (busy, errors);
    }

    private static DateTimeOffset ReadDateTime(JsonNode? node)
    {
        var text = node?["dateTime"]?.GetValue<string>() ?? throw new CalendarProviderException("getSchedule", HttpStatusCode.OK, "scheduleItem without dateTime");
        try
        {
            return GraphDateTime.ToUtc(text, node["timeZone"]?.GetValue<string>());
        }
        catch (FormatException exception)
        {
            throw new CalendarProviderException("getSchedule", HttpStatusCode.OK, exception.Message, exception);
        }
    }

    private static List<TimeRange> Merge(List<TimeRange> intervals, TimeRange range)
    {
        List<TimeRange> merged = [];
        foreach (var interval in intervals.Select(i => new TimeRange(i.Start < range.Start ? range.Start : i.Start, i.End > range.End ? range.End : i.End)).Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && merged[^1].End >= interval.Start)
            {
                merged[^1] = merged[^1] with { End = merged[^1].End > interval.End ? merged[^1].End : interval.End };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    private static JsonObject EventPayload(MicrosoftEventWrite write)
    {
        if (write.Range.End <= write.Range.Start)
        {
            throw new ArgumentException("An event ends after it starts.", nameof(write));
        }

        var payload = new JsonObject
        {
            ["subject"] = write.Subject,
            ["start"] = new JsonObject { ["dateTime"] = GraphDateTime.FormatUtc(write.Range.Start), ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = GraphDateTime.FormatUtc(write.Range.End), ["timeZone"] = "UTC" },
            ["attendees"] = new JsonArray([.. write.Attendees.Select(a => (JsonNode)new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = a }, ["type"] = "required" })]),
            ["isOnlineMeeting"] = write.Teams,
        };
        if (write.Teams)
        {
            payload["onlineMeetingProvider"] = "teamsForBusiness";
        }

        if (write.Body is not null)
        {
            payload["body"] = new JsonObject { ["contentType"] = "text", ["content"] = write.Body };
        }

        return payload;
    }

    private static MicrosoftEvent ReadEvent(JsonNode? body, string operation)
    {
        var id = body?["id"]?.GetValue<string>() ?? throw new CalendarProviderException(operation, HttpStatusCode.OK, "no id");
        return new MicrosoftEvent(
            id,
            new TimeRange(ReadDateTime(body["start"]), ReadDateTime(body["end"])),
            body["onlineMeeting"]?["joinUrl"]?.GetValue<string>(),
            body["transactionId"]?.GetValue<string>());
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri url, string accessToken, JsonNode? payload = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (payload is not null)
        {
            request.Content = JsonContent.Create(payload);
        }

        return request;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private Uri Api(string relative) => new(options.Value.GraphBaseUrl, relative);

    private Uri Trusted(string link, string name)
    {
        var baseUrl = options.Value.GraphBaseUrl.AbsoluteUri;
        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.AbsoluteUri.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase)
            ? uri
            : throw new CalendarProviderException("calendarView.delta", HttpStatusCode.OK, $"{name} outside the Graph base URL");
    }
}
