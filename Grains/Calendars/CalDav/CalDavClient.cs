using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using Scheduler.Grains.Common.Http;
using Scheduler.ICalendar;

namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>
/// A small CalDAV client (RFC 4791) over <see cref="HttpClient"/>: <c>calendar-query</c> and
/// <c>free-busy-query</c> REPORTs, conditional PUT and DELETE of event resources
/// <c>{collection}/{uid}.ics</c> with ETags (RFC 7232), and MKCALENDAR. Basic authentication
/// (RFC 7617) from <see cref="CalDavCalendar"/>; credentials are never logged. Reads are retried
/// (see <see cref="CalendarSourceOptions.MaxRetries"/>); writes are not. Thread-safe.
/// </summary>
/// <param name="httpClientFactory">Creates the <see cref="HttpClientName"/> (reads) and <see cref="WriteHttpClientName"/> (writes) clients.</param>
/// <param name="options">Settings.</param>
public sealed class CalDavClient(
    IHttpClientFactory httpClientFactory,
    IOptions<CalendarSourceOptions> options)
{
    /// <summary>The name of the <see cref="HttpClient"/> used for CalDAV.</summary>
    public const string HttpClientName = "Scheduler.Calendars.CalDav";

    /// <summary>The name of the client writes go through (no retries but a lost response, <see cref="CalendarResilience"/>).</summary>
    public const string WriteHttpClientName = "Scheduler.Calendars.CalDav.Write";

    private static readonly HttpMethod Report = new("REPORT");
    private static readonly HttpMethod MkCalendarMethod = new("MKCALENDAR");

    /// <summary>Creates the calendar collection (MKCALENDAR, RFC 4791 §5.3.1).</summary>
    /// <param name="calendar">The collection to create.</param>
    /// <param name="displayName">Its display name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when created (201); <see langword="false"/> when something already exists there (405).</returns>
    /// <exception cref="CalendarSourceException">Any other answer, or the server is unreachable.</exception>
    public async Task<bool> CreateCalendarAsync(CalDavCalendar calendar, string displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        using var response = await SendOnceAsync(calendar, () => Request(calendar, MkCalendarMethod, calendar.CollectionUrl, Xml(CalDavXml.MkCalendar(displayName))), cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Created => true,
            HttpStatusCode.MethodNotAllowed => false,
            _ => throw Failure(calendar, response),
        };
    }

    /// <summary>
    /// The event resources with a VEVENT overlapping <c>[start, end)</c> (<c>calendar-query</c>
    /// REPORT with a <c>time-range</c> filter, RFC 4791 §7.8, §9.9; Depth 1). Recurring events
    /// come back whole (master and overrides) and are expanded by the caller.
    /// </summary>
    /// <param name="calendar">The collection.</param>
    /// <param name="start">Window start (inclusive).</param>
    /// <param name="end">Window end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The resources with their ETags and iCalendar text.</returns>
    /// <exception cref="CalendarSourceException">The server failed, refused the credentials, or answered something unreadable.</exception>
    public async Task<IReadOnlyList<CalDavResource>> QueryEventsAsync(CalDavCalendar calendar, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        using var response = await SendWithRetriesAsync(calendar, () => ReportRequest(calendar, CalDavXml.CalendarQuery(start, end)), cancellationToken);
        if (response.StatusCode != HttpStatusCode.MultiStatus)
        {
            throw Failure(calendar, response);
        }

        var body = await ReadAsync(calendar, response, cancellationToken);
        try
        {
            return CalDavXml.ParseMultistatus(body);
        }
        catch (XmlException exception)
        {
            throw new CalendarSourceException(calendar.ToString(), $"the calendar-query answer is not XML ({exception.Message})", exception);
        }
    }

    /// <summary>
    /// The busy periods in <c>[start, end)</c> from a <c>free-busy-query</c> REPORT (RFC 4791
    /// §7.10), or <see langword="null"/> when the server does not support it (it answers with
    /// something other than <c>200 text/calendar</c>, e.g. 403, 404, 405, 501 or a multistatus).
    /// </summary>
    /// <param name="calendar">The collection.</param>
    /// <param name="start">Window start (inclusive).</param>
    /// <param name="end">Window end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The busy periods (UTC), or <see langword="null"/> when unsupported.</returns>
    /// <exception cref="CalendarSourceException">The server failed (5xx after retries), refused the credentials (401), or sent an unreadable VFREEBUSY.</exception>
    public async Task<IReadOnlyList<BusyInterval>?> QueryFreeBusyAsync(CalDavCalendar calendar, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        using var response = await SendWithRetriesAsync(calendar, () => ReportRequest(calendar, CalDavXml.FreeBusyQuery(start, end)), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized || (int)response.StatusCode >= 500)
        {
            throw Failure(calendar, response);
        }

        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/calendar")
        {
            return null;
        }

        var body = await ReadAsync(calendar, response, cancellationToken);
        try
        {
            return CalDavFreeBusy.BusyPeriods(VCalendar.Parse(body));
        }
        catch (FormatException exception)
        {
            throw new CalendarSourceException(calendar.ToString(), $"the free-busy answer is not a valid VFREEBUSY ({exception.Message})", exception);
        }
    }

    /// <summary>Reads one event resource (GET <c>{collection}/{uid}.ics</c>).</summary>
    /// <param name="calendar">The collection.</param>
    /// <param name="uid">The event's UID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The resource with its ETag, or <see langword="null"/> when there is none (404).</returns>
    /// <exception cref="CalendarSourceException">Any other failure.</exception>
    public async Task<CalDavResource?> GetEventAsync(CalDavCalendar calendar, string uid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var url = calendar.EventUrl(uid);
        using var response = await SendWithRetriesAsync(calendar, () => Request(calendar, HttpMethod.Get, url, null), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failure(calendar, response);
        }

        var body = await ReadAsync(calendar, response, cancellationToken);
        return new CalDavResource(url.AbsolutePath, response.Headers.ETag?.ToString(), body);
    }

    /// <summary>
    /// Creates or replaces an event (PUT <c>{collection}/{uid}.ics</c>, RFC 4791 §5.3.2). Without
    /// <paramref name="ifMatch"/> the write is a create (<c>If-None-Match: *</c>) and fails when the
    /// event exists; with it, an update that fails when the event changed since (RFC 7232 §3.1–3.2).
    /// </summary>
    /// <param name="calendar">The collection.</param>
    /// <param name="uid">The event's UID (the resource name is derived from it).</param>
    /// <param name="icalendar">The whole VCALENDAR text with one event (its UID must equal <paramref name="uid"/>).</param>
    /// <param name="ifMatch">The ETag the caller last saw, or <see langword="null"/> to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Created, Updated or PreconditionFailed, with the new ETag when the server sends one.</returns>
    /// <exception cref="CalendarSourceException">Any other answer (e.g. 401, 403, 415, 5xx) or an unreachable server.</exception>
    public async Task<CalDavWriteResult> PutEventAsync(CalDavCalendar calendar, string uid, string icalendar, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(icalendar);
        var url = calendar.EventUrl(uid);
        using var response = await SendOnceAsync(
            calendar,
            () =>
            {
                var content = new StringContent(icalendar, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/calendar") { CharSet = "utf-8" };
                var request = Request(calendar, HttpMethod.Put, url, content);
                AddPrecondition(request, ifMatch);
                return request;
            },
            cancellationToken);
        var etag = response.Headers.ETag?.ToString();
        return response.StatusCode switch
        {
            HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.NoContent =>
                new CalDavWriteResult(ifMatch is null ? CalDavWriteStatus.Created : CalDavWriteStatus.Updated, etag),
            HttpStatusCode.PreconditionFailed => new CalDavWriteResult(CalDavWriteStatus.PreconditionFailed, null),
            _ => throw Failure(calendar, response),
        };
    }

    /// <summary>Deletes an event (DELETE <c>{collection}/{uid}.ics</c>), only if unchanged when <paramref name="ifMatch"/> is given (RFC 7232 §3.1).</summary>
    /// <param name="calendar">The collection.</param>
    /// <param name="uid">The event's UID.</param>
    /// <param name="ifMatch">The ETag the caller last saw, or <see langword="null"/> to delete unconditionally.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Deleted, NotFound or PreconditionFailed.</returns>
    /// <exception cref="CalendarSourceException">Any other answer or an unreachable server.</exception>
    public async Task<CalDavWriteStatus> DeleteEventAsync(CalDavCalendar calendar, string uid, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var url = calendar.EventUrl(uid);
        using var response = await SendOnceAsync(
            calendar,
            () =>
            {
                var request = Request(calendar, HttpMethod.Delete, url, null);
                if (ifMatch is not null)
                {
                    request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
                }

                return request;
            },
            cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK or HttpStatusCode.NoContent => CalDavWriteStatus.Deleted,
            HttpStatusCode.NotFound => CalDavWriteStatus.NotFound,
            HttpStatusCode.PreconditionFailed => CalDavWriteStatus.PreconditionFailed,
            _ => throw Failure(calendar, response),
        };
    }

    private static void AddPrecondition(HttpRequestMessage request, string? ifMatch)
    {
        if (ifMatch is null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        }
        else
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
    }

    private static HttpRequestMessage ReportRequest(CalDavCalendar calendar, string body)
    {
        var request = Request(calendar, Report, calendar.CollectionUrl, Xml(body));
        request.Headers.Add("Depth", "1");
        return request;
    }

    private static HttpRequestMessage Request(CalDavCalendar calendar, HttpMethod method, Uri url, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = calendar.Authorization;
        return request;
    }

    private static StringContent Xml(string body) => new(body, Encoding.UTF8, "application/xml");

    private static CalendarSourceException Failure(CalDavCalendar calendar, HttpResponseMessage response) => new(
        calendar.ToString(),
        response.StatusCode == HttpStatusCode.Unauthorized
            ? "the server refused the credentials (HTTP 401)"
            : $"the server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");

    private async Task<string> ReadAsync(CalDavCalendar calendar, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await CalendarHttp.ReadTextAsync(response, options.Value.MaxBodyBytes, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidDataException)
        {
            throw new CalendarSourceException(calendar.ToString(), exception.Message, exception);
        }
    }

    /// <summary>Sends a read through the <see cref="HttpClientName"/> client, which retries it (<see cref="CalendarResilience"/>).</summary>
    private Task<HttpResponseMessage> SendWithRetriesAsync(CalDavCalendar calendar, Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        Guard(calendar, () => SendAsync(HttpClientName, create, cancellationToken), cancellationToken);

    /// <summary>
    /// Sends a write through the <see cref="WriteHttpClientName"/> client, which repeats it only when the server closed
    /// the connection without any response, as some servers do when they answer before reading the whole body
    /// (Radicale's built-in server does); every write carries a precondition, so a repeat of a write that did take
    /// effect is refused with 412 rather than applied twice.
    /// </summary>
    private Task<HttpResponseMessage> SendOnceAsync(CalDavCalendar calendar, Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        Guard(calendar, () => SendAsync(WriteHttpClientName, create, cancellationToken), cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(string clientName, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var request = create();
        return await httpClientFactory.CreateClient(clientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static async Task<HttpResponseMessage> Guard(CalDavCalendar calendar, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (Exception exception) when (HttpRetryResilience.IsUnreachable(exception, cancellationToken))
        {
            throw new CalendarSourceException(calendar.ToString(), exception is HttpRequestException ? exception.Message : "the request timed out", exception);
        }
    }
}
