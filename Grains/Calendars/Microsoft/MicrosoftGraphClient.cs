using System.Net;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Scheduler.Grains.Calendars.Accounts;
using CancelBody = Microsoft.Graph.Users.Item.Events.Item.Cancel.CancelPostRequestBody;
using GraphModels = Microsoft.Graph.Models;
using ScheduleBody = Microsoft.Graph.Users.Item.Calendar.GetSchedule.GetSchedulePostRequestBody;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The Graph v1.0 calls of the connector, made with the Microsoft Graph SDK (5.x) over the named
/// <see cref="HttpClient"/> <see cref="MicrosoftHttp.HttpClientName"/> and
/// <see cref="MicrosoftOptions.GraphBaseUrl"/>, each wrapped by <see cref="MicrosoftHttp.RunAsync"/>
/// (retries, Retry-After, per-mailbox limit): <c>calendar: getSchedule</c> (chunked by
/// <see cref="BusyChunk"/> within <see cref="MaxScheduleMailboxes"/> and <see cref="MaxScheduleRange"/>, run in parallel, merged), <c>event: delta</c> on <c>calendarView</c>
/// (change detection), <c>subscriptions</c> (create, delete), and events create/update/cancel.
/// Every call throws <see cref="CalendarProviderException"/> when Graph refuses after retries.
/// </summary>
/// <param name="http">Runs calls with retries and the per-mailbox limit.</param>
/// <param name="factory">Creates the named HTTP client.</param>
/// <param name="options">Base URL, response zone, webhook address, subscription lifetime.</param>
/// <param name="time">The clock (subscription expiry, sync window).</param>
public sealed class MicrosoftGraphClient(MicrosoftHttp http, IHttpClientFactory factory, IOptions<MicrosoftOptions> options, TimeProvider time)
{
    /// <summary>The most schedules in one <c>getSchedule</c> call: 20 (Graph refuses more).</summary>
    public const int MaxScheduleMailboxes = 20;

    /// <summary>The longest range of one <c>getSchedule</c> call: 61 days (Graph refuses 62 days or more).</summary>
    public static readonly TimeSpan MaxScheduleRange = TimeSpan.FromDays(61);

    /// <summary>The <c>scheduleItems</c> statuses counted as busy: <c>busy</c>, <c>oof</c> and <c>tentative</c> (<c>free</c>, <c>workingElsewhere</c> and <c>unknown</c> are not).</summary>
    public static readonly IReadOnlySet<GraphModels.FreeBusyStatus> BusyStatuses = new HashSet<GraphModels.FreeBusyStatus> { GraphModels.FreeBusyStatus.Busy, GraphModels.FreeBusyStatus.Oof, GraphModels.FreeBusyStatus.Tentative };

    /// <summary>Reads the busy intervals of mailboxes over a range with <c>POST /users/{mailbox}/calendar/getSchedule</c>, where the path names the first mailbox of each call.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailboxes">The mailboxes (SMTP addresses); at least one.</param>
    /// <param name="range">The range (UTC), any length.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>Busy intervals per mailbox (UTC, clipped to the range, ordered, overlapping ones merged) and Graph's per-schedule error codes.</returns>
    /// <exception cref="CalendarProviderException">A call was refused after retries.</exception>
    public async Task<(IReadOnlyDictionary<string, IReadOnlyList<TimeRange>> Busy, IReadOnlyDictionary<string, string> Errors)> GetScheduleAsync(
        string accessToken, IReadOnlyList<string> mailboxes, TimeRange range, CancellationToken cancellationToken)
    {
        var chunks = BusyChunk.Plan(mailboxes, range, MaxScheduleMailboxes, MaxScheduleRange);
        var graph = Client(accessToken);
        var schedules = await Task.WhenAll(chunks.Select(chunk => GetScheduleChunkAsync(graph, chunk, cancellationToken)));
        var answers = new BusyAnswers(mailboxes, StringComparer.OrdinalIgnoreCase);
        foreach (var schedule in schedules.SelectMany(s => s))
        {
            if (schedule.ScheduleId is not { } id)
            {
                continue;
            }

            if (schedule.Error is { } error)
            {
                answers.AddError(id, error.ResponseCode ?? error.Message ?? "error");
                continue;
            }

            foreach (var item in schedule.ScheduleItems ?? [])
            {
                if (item.Status is { } status && BusyStatuses.Contains(status))
                {
                    answers.AddBusy(id, new TimeRange(ReadDateTime(item.Start, "getSchedule"), ReadDateTime(item.End, "getSchedule")));
                }
            }
        }

        return answers.Merged(range);
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
    public async Task<(IReadOnlyList<CalendarEventChange> Changes, string DeltaLink)> DeltaAsync(string accessToken, string mailbox, string? deltaLink, CancellationToken cancellationToken)
    {
        var graph = Client(accessToken);
        var delta = graph.Users[mailbox].CalendarView.Delta;
        string? next = deltaLink is null ? null : Trusted(deltaLink, nameof(deltaLink));
        var now = time.GetUtcNow();
        var changes = new List<CalendarEventChange>();
        for (var page = 0; page < 1000; page++)
        {
            var link = next;
            var response = await http.RunAsync(
                "calendarView.delta",
                mailbox,
                token => link is null
                    ? delta.GetAsDeltaGetResponseAsync(
                        request =>
                        {
                            request.QueryParameters.StartDateTime = GraphDateTime.FormatUtc(now.AddDays(-1)) + "Z";
                            request.QueryParameters.EndDateTime = GraphDateTime.FormatUtc(now + options.Value.SyncWindow) + "Z";
                        },
                        token)
                    : delta.WithUrl(link).GetAsDeltaGetResponseAsync(cancellationToken: token),
                notFoundIsSuccess: false,
                cancellationToken);
            changes.AddRange((response?.Value ?? []).Where(e => e.Id is not null).Select(ToChange));
            if (response?.OdataDeltaLink is { } done)
            {
                return (changes, Trusted(done, "@odata.deltaLink"));
            }

            next = Trusted(response?.OdataNextLink ?? throw new CalendarProviderException("calendarView.delta", HttpStatusCode.OK, "no nextLink or deltaLink"), "@odata.nextLink");
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
    /// <exception cref="InvalidOperationException"><see cref="Providers.CalendarProviderOptions.WebhookUrl"/> is not set.</exception>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public async Task<(string SubscriptionId, DateTimeOffset ExpiresAt)> SubscribeAsync(string accessToken, string mailbox, string channelId, string channelToken, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var webhook = settings.WebhookUrl ?? throw new InvalidOperationException("Microsoft:WebhookUrl is not configured.");
        var (url, clientState) = SubscriptionAddress.Build(webhook, channelId, channelToken);
        var expires = time.GetUtcNow() + settings.SubscriptionTtl;
        // The SDK's models track changes and serialize only what changed since the last serialization, so every attempt builds its own.
        GraphModels.Subscription NewSubscription() => new()
        {
            ChangeType = "created,updated,deleted",
            NotificationUrl = url.AbsoluteUri,
            LifecycleNotificationUrl = url.AbsoluteUri,
            Resource = $"/users/{mailbox}/events",
            ExpirationDateTime = expires,
            ClientState = clientState,
        };
        var graph = Client(accessToken);
        var created = await http.RunAsync("subscriptions.create", null, token => graph.Subscriptions.PostAsync(NewSubscription(), cancellationToken: token), notFoundIsSuccess: false, cancellationToken);
        var id = created?.Id ?? throw new CalendarProviderException("subscriptions.create", HttpStatusCode.OK, "no id");
        return (id, created.ExpirationDateTime?.ToUniversalTime() ?? expires);
    }

    /// <summary>Deletes a subscription (<c>DELETE /subscriptions/{id}</c>); an unknown one (404) counts as deleted.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="subscriptionId">Graph's subscription id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when deleted.</returns>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public Task UnsubscribeAsync(string accessToken, string subscriptionId, CancellationToken cancellationToken)
    {
        var graph = Client(accessToken);
        return http.RunAsync("subscriptions.delete", null, async token => { await graph.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: token); return true; }, notFoundIsSuccess: true, cancellationToken);
    }

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
        var graph = Client(accessToken);
        var created = await http.RunAsync(
            "events.create",
            mailbox,
            token =>
            {
                var payload = EventPayload(write);
                payload.TransactionId = write.TransactionId;
                return graph.Users[mailbox].Events.PostAsync(payload, cancellationToken: token);
            },
            notFoundIsSuccess: false,
            cancellationToken);
        return ReadEvent(created, "events.create");
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
        _ = EventPayload(write); // refuses an empty range before any call
        var graph = Client(accessToken);
        var updated = await http.RunAsync("events.update", mailbox, token => graph.Users[mailbox].Events[eventId].PatchAsync(EventPayload(write), cancellationToken: token), notFoundIsSuccess: false, cancellationToken);
        return ReadEvent(updated, "events.update");
    }

    /// <summary>Deletes an event (<c>DELETE /users/{mailbox}/events/{id}</c>); an event already gone (404) counts as deleted.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="eventId">Graph's event id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the event is gone.</returns>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public Task DeleteEventAsync(string accessToken, string mailbox, string eventId, CancellationToken cancellationToken)
    {
        var graph = Client(accessToken);
        return http.RunAsync("events.delete", mailbox, async token => { await graph.Users[mailbox].Events[eventId].DeleteAsync(cancellationToken: token); return true; }, notFoundIsSuccess: true, cancellationToken);
    }

    /// <summary>Cancels a meeting and tells its attendees (<c>POST /users/{mailbox}/events/{id}/cancel</c>, organizer only); an event already gone (404) counts as cancelled.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <param name="mailbox">The organizer's mailbox.</param>
    /// <param name="eventId">Graph's event id.</param>
    /// <param name="comment">The message to attendees; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when cancelled.</returns>
    /// <exception cref="CalendarProviderException">Graph refused.</exception>
    public Task CancelEventAsync(string accessToken, string mailbox, string eventId, string? comment, CancellationToken cancellationToken)
    {
        var graph = Client(accessToken);
        return http.RunAsync("events.cancel", mailbox, async token => { await graph.Users[mailbox].Events[eventId].Cancel.PostAsync(new CancelBody { Comment = comment ?? string.Empty }, cancellationToken: token); return true; }, notFoundIsSuccess: true, cancellationToken);
    }

    /// <summary>
    /// One delta item as a change: removed (<c>@removed</c>), cancelled, or shown as free → no busy time;
    /// otherwise its start and end converted from their own zone (Windows or IANA names) to UTC. An all-day
    /// event (<c>isAllDay</c>), which Graph gives as midnight to midnight in UTC whatever its zone, covers its dates
    /// from midnight to midnight in the zone it was made in (<c>originalStartTimeZone</c>, <c>originalEndTimeZone</c>),
    /// else the zone of its <c>start</c> and <c>end</c>, else UTC; so a day off in Los Angeles is busy from 08:00 UTC
    /// (07:00 in summer), and a day with a daylight-saving change lasts 23 or 25 hours.
    /// </summary>
    private static CalendarEventChange ToChange(GraphModels.Event item)
    {
        var removed = item.AdditionalData?.ContainsKey("@removed") == true;
        if (removed || item.IsCancelled == true || item.ShowAs == GraphModels.FreeBusyStatus.Free
            || item.Start?.DateTime is not { } start || item.End?.DateTime is not { } end)
        {
            return new CalendarEventChange(item.Id!, null);
        }

        var allDay = item.IsAllDay == true;
        var from = allDay ? GraphDateTime.StartOfDate(start, item.OriginalStartTimeZone, item.Start.TimeZone) : GraphDateTime.ToUtc(start, item.Start.TimeZone);
        var to = allDay ? GraphDateTime.StartOfDate(end, item.OriginalEndTimeZone, item.OriginalStartTimeZone, item.End.TimeZone) : GraphDateTime.ToUtc(end, item.End.TimeZone);
        return new CalendarEventChange(item.Id!, to > from ? new TimeRange(from, to) : null, ExchangeGlobalObjectId.ToUid(item.ICalUId));
    }

    private async Task<List<GraphModels.ScheduleInformation>> GetScheduleChunkAsync(GraphServiceClient graph, BusyChunk chunk, CancellationToken cancellationToken)
    {
        var zone = options.Value.ResponseTimeZone;
        ScheduleBody NewBody() => new()
        {
            Schedules = [.. chunk.CalendarIds],
            StartTime = new GraphModels.DateTimeTimeZone { DateTime = GraphDateTime.FormatUtc(chunk.Range.Start), TimeZone = "UTC" },
            EndTime = new GraphModels.DateTimeTimeZone { DateTime = GraphDateTime.FormatUtc(chunk.Range.End), TimeZone = "UTC" },
            AvailabilityViewInterval = 60,
        };
        var path = chunk.CalendarIds[0];
        var response = await http.RunAsync(
            "getSchedule",
            path,
            token => graph.Users[path].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(NewBody(), request => request.Headers.Add("Prefer", $"outlook.timezone=\"{zone}\""), token),
            notFoundIsSuccess: false,
            cancellationToken);
        return response?.Value ?? [];
    }

    private static DateTimeOffset ReadDateTime(GraphModels.DateTimeTimeZone? value, string operation)
    {
        var text = value?.DateTime ?? throw new CalendarProviderException(operation, HttpStatusCode.OK, "dateTimeTimeZone without dateTime");
        try
        {
            return GraphDateTime.ToUtc(text, value.TimeZone);
        }
        catch (FormatException exception)
        {
            throw new CalendarProviderException(operation, HttpStatusCode.OK, exception.Message, exception);
        }
    }

    private static GraphModels.Event EventPayload(MicrosoftEventWrite write)
    {
        if (write.Range.End <= write.Range.Start)
        {
            throw new ArgumentException("An event ends after it starts.", nameof(write));
        }

        var payload = new GraphModels.Event
        {
            Subject = write.Subject,
            Start = new GraphModels.DateTimeTimeZone { DateTime = GraphDateTime.FormatUtc(write.Range.Start), TimeZone = "UTC" },
            End = new GraphModels.DateTimeTimeZone { DateTime = GraphDateTime.FormatUtc(write.Range.End), TimeZone = "UTC" },
            Attendees = [.. write.Attendees.Select(a => new GraphModels.Attendee { EmailAddress = new GraphModels.EmailAddress { Address = a }, Type = GraphModels.AttendeeType.Required })],
            IsOnlineMeeting = write.Teams,
        };
        if (write.Teams)
        {
            payload.OnlineMeetingProvider = GraphModels.OnlineMeetingProviderType.TeamsForBusiness;
        }

        if (write.Body is not null)
        {
            payload.Body = new GraphModels.ItemBody { ContentType = GraphModels.BodyType.Text, Content = write.Body };
        }

        return payload;
    }

    private static MicrosoftEvent ReadEvent(GraphModels.Event? graphEvent, string operation)
    {
        var id = graphEvent?.Id ?? throw new CalendarProviderException(operation, HttpStatusCode.OK, "no id");
        return new MicrosoftEvent(
            id,
            new TimeRange(ReadDateTime(graphEvent.Start, operation), ReadDateTime(graphEvent.End, operation)),
            graphEvent.OnlineMeeting?.JoinUrl,
            graphEvent.TransactionId);
    }

    private GraphServiceClient Client(string accessToken)
    {
        var baseUrl = options.Value.GraphBaseUrl;
        var authentication = new BaseBearerTokenAuthenticationProvider(new GraphAccessToken(accessToken, baseUrl.Host));
        return new GraphServiceClient(factory.CreateClient(MicrosoftHttp.HttpClientName), authentication, baseUrl.AbsoluteUri.TrimEnd('/'));
    }

    private string Trusted(string link, string name)
    {
        var baseUrl = options.Value.GraphBaseUrl.AbsoluteUri;
        return Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.AbsoluteUri.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase)
            ? link
            : throw new CalendarProviderException("calendarView.delta", HttpStatusCode.OK, $"{name} outside the Graph base URL");
    }
}
