using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Scheduler.Grains.Calendars.Accounts;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// A typed client of the Google Calendar API v3 over <see cref="HttpClient"/> (the generated
/// Google.Apis.Calendar.v3 library is not used): <c>freeBusy</c>, <c>events.list</c> (incremental
/// sync), <c>events.insert</c>/<c>patch</c>/<c>delete</c>, <c>events.watch</c> and <c>channels.stop</c>.
/// Every call takes the bearer access token; a refused token surfaces as
/// <see cref="CalendarProviderException.Unauthorized"/>.
/// </summary>
/// <param name="http">Sends with retries.</param>
/// <param name="options">Settings (the API base URL; the webhook address and channel lifetime of <c>events.watch</c>).</param>
public sealed class GoogleCalendarClient(GoogleHttp http, IOptions<GoogleOptions> options)
{
    /// <summary>The most calendars Google answers per <c>freeBusy</c> call (<c>calendarExpansionMax</c> maximum: 50).</summary>
    public const int MaxFreeBusyCalendars = 50;

    /// <summary>The longest range per <c>freeBusy</c> call we send: 90 days (Google refuses longer ranges with 400).</summary>
    public static readonly TimeSpan MaxFreeBusyRange = TimeSpan.FromDays(90);

    /// <summary>
    /// Begins every sync token <see cref="ListChangesAsync"/> returns: Google's <c>nextSyncToken</c> of a list with
    /// <c>singleEvents=true</c> follows it. Google's tokens are base64 (as in the sync guide's example), without
    /// <c>:</c>, so a token stored before Scheduler asked for single events never starts with it.
    /// </summary>
    public const string SingleEventsTokenPrefix = "singleEvents:";

    private static readonly HttpStatusCode[] GoneOrMissing = [HttpStatusCode.NotFound, HttpStatusCode.Gone];

    /// <summary>
    /// Reads free/busy of calendars over a range of any length and any number of calendars: the
    /// query is split into <c>freeBusy</c> calls of at most 50 calendars and 90 days
    /// (<see cref="BusyChunk.Plan"/>), and the answers are merged per calendar.
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarIds">The calendars (ids or <c>primary</c>); at least one.</param>
    /// <param name="range">The range (UTC).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Calendar id → busy intervals (merged, ordered: <see cref="BusyAnswers"/>), and calendar id → error reason for calendars Google could not read.</returns>
    /// <exception cref="CalendarProviderException">A call failed after retries.</exception>
    public async Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> QueryFreeBusyAsync(
        string accessToken, IReadOnlyList<string> calendarIds, TimeRange range, CancellationToken cancellationToken)
    {
        var answers = new BusyAnswers(calendarIds, StringComparer.Ordinal);
        foreach (var chunk in BusyChunk.Plan(calendarIds, range, MaxFreeBusyCalendars, MaxFreeBusyRange))
        {
            var body = new JsonObject
            {
                ["timeMin"] = Rfc3339(chunk.Range.Start),
                ["timeMax"] = Rfc3339(chunk.Range.End),
                ["timeZone"] = "UTC",
                ["items"] = new JsonArray([.. chunk.CalendarIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]),
            };
            var (_, answer) = await http.SendAsync("freeBusy", Json(HttpMethod.Post, "freeBusy", accessToken, body), null, cancellationToken);
            var calendars = answer?["calendars"]?.AsObject();
            foreach (var id in chunk.CalendarIds)
            {
                var entry = calendars?[id];
                if (entry?["errors"] is JsonArray { Count: > 0 } calendarErrors)
                {
                    answers.AddError(id, calendarErrors[0]?["reason"]?.GetValue<string>() ?? "unknown");
                    continue;
                }

                foreach (var period in entry?["busy"]?.AsArray() ?? [])
                {
                    answers.AddBusy(id, new TimeRange(ParseInstant(period!["start"]!), ParseInstant(period["end"]!)));
                }
            }
        }

        return answers.Merged(range);
    }

    /// <summary>
    /// Lists a calendar's events: incrementally from <paramref name="syncToken"/>, or in full when it
    /// is <see langword="null"/>, following <c>nextPageToken</c> to the last page, which carries
    /// <c>nextSyncToken</c> (Calendar API "Synchronize resources efficiently"). Every request, full or
    /// incremental, asks <c>singleEvents=true</c>, so a recurring series comes as its instances (each its own event,
    /// id <c>{seriesId}_{originalStart}</c>, under the series' <c>iCalUID</c>; cancelled ones, and every instance of a
    /// deleted series, as <c>cancelled</c>), never as its master with a <c>recurrence</c> Scheduler would have to expand:
    /// the "Events: list" reference forbids only <c>iCalUID</c>, <c>orderBy</c>, <c>privateExtendedProperty</c>,
    /// <c>q</c>, <c>sharedExtendedProperty</c>, <c>timeMin</c>, <c>timeMax</c> and <c>updatedMin</c> with a sync token
    /// and asks every other parameter to stay as in the full sync the token came from. Pages ask the largest size the
    /// reference allows (<c>maxResults=2500</c>), since a series without an end comes as many instances.
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="syncToken">
    /// The token this method returned last; <see langword="null"/> for a full sync. A token without
    /// <see cref="SingleEventsTokenPrefix"/> was taken without <c>singleEvents=true</c> and is not sent (its answer
    /// would be undefined): it fails as an expired one does, so the caller syncs in full.
    /// </param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The changed events (cancelled ones with no busy time) and the next sync token (with <see cref="SingleEventsTokenPrefix"/>).</returns>
    /// <exception cref="CalendarProviderException">A call failed; <see cref="CalendarProviderException.SyncTokenExpired"/> (410, or a token taken without <c>singleEvents</c>) means sync again in full.</exception>
    public async Task<(IReadOnlyList<CalendarEventChange> Changes, string NextSyncToken)> ListChangesAsync(
        string accessToken, string calendarId, string? syncToken, CancellationToken cancellationToken)
    {
        if (syncToken is not null && !syncToken.StartsWith(SingleEventsTokenPrefix, StringComparison.Ordinal))
        {
            throw new CalendarProviderException("events.list", HttpStatusCode.Gone, "syncTokenWithoutSingleEvents");
        }

        var googleToken = syncToken?[SingleEventsTokenPrefix.Length..];
        List<CalendarEventChange> changed = [];
        string? pageToken = null;
        while (true)
        {
            var query = new List<string> { "maxResults=2500", "singleEvents=true" };
            if (googleToken is not null)
            {
                query.Add("syncToken=" + Uri.EscapeDataString(googleToken));
            }

            if (pageToken is not null)
            {
                query.Add("pageToken=" + Uri.EscapeDataString(pageToken));
            }

            var path = $"calendars/{Uri.EscapeDataString(calendarId)}/events?{string.Join('&', query)}";
            var (_, page) = await http.SendAsync("events.list", Json(HttpMethod.Get, path, accessToken, null), null, cancellationToken);
            var zone = ZoneOf(page?["timeZone"]);
            changed.AddRange((page?["items"]?.AsArray() ?? []).OfType<JsonNode>().Select(item => ToChange(item, zone)).OfType<CalendarEventChange>());
            pageToken = page?["nextPageToken"]?.GetValue<string>();
            if (pageToken is null)
            {
                var next = page?["nextSyncToken"]?.GetValue<string>()
                    ?? throw new CalendarProviderException("events.list", HttpStatusCode.OK, "missing nextSyncToken");
                return (changed, SingleEventsTokenPrefix + next);
            }
        }
    }

    /// <summary>
    /// Creates an event with our own id (<see cref="GoogleEventIds"/>), with a Meet link when asked
    /// (<c>conferenceData.createRequest</c>, <c>conferenceDataVersion=1</c>). Idempotent: when
    /// the id exists already (409, e.g. a retry after a lost answer) the event is patched to the
    /// same content instead, so it is never created twice.
    /// </summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="write">The event.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The event id and its Meet link (<see langword="null"/> when none).</returns>
    /// <exception cref="CalendarProviderException">The call failed.</exception>
    public async Task<(string EventId, string? MeetLink)> InsertEventAsync(string accessToken, string calendarId, GoogleEventWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var body = EventBody(write);
        body["id"] = write.EventId;

        var path = $"calendars/{Uri.EscapeDataString(calendarId)}/events?conferenceDataVersion=1&sendUpdates=none";
        var (status, created) = await http.SendAsync("events.insert", Json(HttpMethod.Post, path, accessToken, body), [HttpStatusCode.Conflict], cancellationToken);
        if (status == HttpStatusCode.Conflict)
        {
            return await PatchEventAsync(accessToken, calendarId, write, cancellationToken);
        }

        return (write.EventId, created?["hangoutLink"]?.GetValue<string>());
    }

    /// <summary>Changes an event's time, title, description and attendees (<c>events.patch</c>), with status <c>confirmed</c> (restoring it if it was deleted). Idempotent.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="write">The new content; <see cref="GoogleEventWrite.EventId"/> names the event.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The event id and its Meet link.</returns>
    /// <exception cref="CalendarProviderException">The call failed (404 when the event does not exist).</exception>
    public async Task<(string EventId, string? MeetLink)> PatchEventAsync(string accessToken, string calendarId, GoogleEventWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var body = EventBody(write);
        var path = $"calendars/{Uri.EscapeDataString(calendarId)}/events/{Uri.EscapeDataString(write.EventId)}?conferenceDataVersion=1&sendUpdates=none";
        var (_, patched) = await http.SendAsync("events.patch", Json(HttpMethod.Patch, path, accessToken, body), null, cancellationToken);
        return (write.EventId, patched?["hangoutLink"]?.GetValue<string>());
    }

    /// <summary>Deletes an event (<c>events.delete</c>). Idempotent: an event already gone (404, 410) counts as deleted.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="eventId">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is gone.</returns>
    /// <exception cref="CalendarProviderException">The call failed.</exception>
    public async Task DeleteEventAsync(string accessToken, string calendarId, string eventId, CancellationToken cancellationToken)
    {
        var path = $"calendars/{Uri.EscapeDataString(calendarId)}/events/{Uri.EscapeDataString(eventId)}?sendUpdates=none";
        await http.SendAsync("events.delete", Json(HttpMethod.Delete, path, accessToken, null), GoneOrMissing, cancellationToken);
    }

    /// <summary>Opens a push channel on a calendar's events (<c>events.watch</c>, type <c>web_hook</c>).</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="calendarId">The calendar.</param>
    /// <param name="channelId">Our channel id (Google allows <c>[A-Za-z0-9-_+/=]</c>, at most 64 characters).</param>
    /// <param name="channelToken">The secret Google echoes in <c>X-Goog-Channel-Token</c> (at most 256 characters).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Google's resource id and the channel's expiry (UTC, from <c>expiration</c> in Unix milliseconds).</returns>
    /// <exception cref="CalendarProviderException">The call failed.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Providers.CalendarProviderOptions.WebhookUrl"/> is not set.</exception>
    public async Task<(string ResourceId, DateTimeOffset ExpiresAt)> WatchAsync(string accessToken, string calendarId, string channelId, string channelToken, CancellationToken cancellationToken)
    {
        var address = options.Value.WebhookUrl ?? throw new InvalidOperationException("Google:WebhookUrl is not configured.");
        var ttl = options.Value.ChannelTtl;
        var body = new JsonObject
        {
            ["id"] = channelId,
            ["type"] = "web_hook",
            ["address"] = address.AbsoluteUri,
            ["token"] = channelToken,
            ["params"] = new JsonObject { ["ttl"] = ((long)ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture) },
        };
        var path = $"calendars/{Uri.EscapeDataString(calendarId)}/events/watch";
        var (_, channel) = await http.SendAsync("events.watch", Json(HttpMethod.Post, path, accessToken, body), null, cancellationToken);
        var resourceId = channel?["resourceId"]?.GetValue<string>() ?? throw new CalendarProviderException("events.watch", HttpStatusCode.OK, "missing resourceId");
        var expiration = channel["expiration"] is { } e ? long.Parse(e.ToString(), CultureInfo.InvariantCulture) : throw new CalendarProviderException("events.watch", HttpStatusCode.OK, "missing expiration");
        return (resourceId, DateTimeOffset.FromUnixTimeMilliseconds(expiration));
    }

    /// <summary>Stops a push channel (<c>channels.stop</c>). Idempotent: an unknown channel (404) counts as stopped.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="channelId">Our channel id.</param>
    /// <param name="resourceId">Google's resource id from the watch answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Google stopped it.</returns>
    /// <exception cref="CalendarProviderException">The call failed.</exception>
    public async Task StopChannelAsync(string accessToken, string channelId, string resourceId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["id"] = channelId, ["resourceId"] = resourceId };
        await http.SendAsync("channels.stop", Json(HttpMethod.Post, "channels/stop", accessToken, body), GoneOrMissing, cancellationToken);
    }

    /// <summary>Formats an instant as Google expects it: RFC 3339 in UTC with <c>Z</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an Events resource: busy unless cancelled or <c>transparency</c> is <c>transparent</c>;
    /// timed events use <c>dateTime</c>; all-day events <c>date</c>, whole days from midnight to midnight in the
    /// event's <c>timeZone</c>, else the calendar's (<paramref name="calendarZone"/>, the list's <c>timeZone</c>), so a
    /// day off in Los Angeles is busy from 08:00 UTC, and a day with a DST change lasts 23 or 25 hours. An instance of a
    /// recurring series (the list asks <c>singleEvents=true</c>) is read as any single event, with the series' <c>iCalUID</c>.
    /// </summary>
    private static CalendarEventChange? ToChange(JsonNode item, DateTimeZone calendarZone)
    {
        if (item["id"]?.GetValue<string>() is not { } id)
        {
            return null;
        }

        if (item["status"]?.GetValue<string>() == "cancelled" || item["transparency"]?.GetValue<string>() == "transparent"
            || item["start"] is not { } start || item["end"] is not { } end)
        {
            return new CalendarEventChange(id, null);
        }

        DateTimeOffset? When(JsonNode node) =>
            node["dateTime"] is { } dateTime ? ParseInstant(dateTime)
            : node["date"] is { } date && LocalDatePattern.Iso.Parse(date.GetValue<string>()) is { Success: true } day
                ? (node["timeZone"] is { } own ? ZoneOf(own) : calendarZone).AtStartOfDay(day.Value).ToDateTimeOffset().ToUniversalTime()
            : null;

        return When(start) is { } from && When(end) is { } to && to > from ? new CalendarEventChange(id, new TimeRange(from, to), item["iCalUID"]?.GetValue<string>()) : new CalendarEventChange(id, null);
    }

    /// <summary>The IANA zone a <c>timeZone</c> field names; UTC when it is missing or unknown.</summary>
    private static DateTimeZone ZoneOf(JsonNode? timeZone) =>
        timeZone?.GetValue<string>() is { } id && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? zone : DateTimeZone.Utc;

    private static DateTimeOffset ParseInstant(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    /// <summary>
    /// The fields an insert or patch writes; with <see cref="GoogleEventWrite.GoogleMeet"/> a Meet create request whose id
    /// is the event's, which Google ignores once it made that meeting (so a patch of an event that has one keeps it, and
    /// one that has none, e.g. a reused id after a reschedule, gets one).
    /// </summary>
    private static JsonObject EventBody(GoogleEventWrite write)
    {
        var body = EventFields(write);
        if (write.GoogleMeet)
        {
            body["conferenceData"] = new JsonObject
            {
                ["createRequest"] = new JsonObject
                {
                    ["requestId"] = write.EventId,
                    ["conferenceSolutionKey"] = new JsonObject { ["type"] = "hangoutsMeet" },
                },
            };
        }

        return body;
    }

    private static JsonObject EventFields(GoogleEventWrite write) => new()
    {
        // "confirmed" also restores an event of this id that was deleted before (e.g. cancelled, then booked again).
        ["status"] = "confirmed",
        ["summary"] = write.Summary,
        ["description"] = write.Description,
        ["start"] = new JsonObject { ["dateTime"] = Rfc3339(write.Start), ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = Rfc3339(write.End), ["timeZone"] = "UTC" },
        ["attendees"] = new JsonArray([.. write.AttendeeEmails.Select(email => (JsonNode)new JsonObject { ["email"] = email })]),
    };

    private HttpRequestMessage Json(HttpMethod method, string path, string accessToken, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, new Uri(options.Value.ApiBaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
