using NodaTime;
using Scheduler.ICalendar;

namespace Scheduler.Testing.StandIns.Google;

internal sealed record StandInEvent(string Id, string Summary, DateTimeOffset Start, DateTimeOffset End, bool Cancelled, long Sequence, string? HangoutLink)
{
    public IReadOnlyList<string> Attendees { get; init; } = [];

    public int Writes { get; init; } = 1;

    public string? Description { get; init; }

    /// <summary>The event's <c>iCalUID</c>: a received invite's own UID; <see langword="null"/> for <c>{id}@google.com</c>, as Google gives an event made in Calendar or through the API.</summary>
    public string? ICalUid { get; init; }

    /// <summary>For an all-day event: its first date and the date after its last (written as <c>start.date</c>, <c>end.date</c>).</summary>
    public (DateOnly Start, DateOnly End)? Dates { get; init; }

    /// <summary>A recurring series' <c>recurrence</c>: RRULE, EXDATE and RDATE lines (RFC 5545), over UTC times; empty for a single event.</summary>
    public IReadOnlyList<string> Recurrence { get; init; } = [];

    /// <summary>For an instance of a recurring series: the series' id (<c>recurringEventId</c>); its <c>originalStartTime</c> is <see cref="Start"/>.</summary>
    public string? RecurringEventId { get; init; }

    /// <summary>
    /// This event as <c>events.list</c> with <c>singleEvents=true</c> gives it: a single event itself; a series as its
    /// instances that start before <paramref name="until"/> (expanded by the iCalendar engine in UTC), each with the id
    /// <c>{seriesId}_{originalStart}</c>, the series' <c>iCalUID</c> and status, and the series' sequence.
    /// </summary>
    public IEnumerable<StandInEvent> Instances(DateTimeOffset until)
    {
        if (Recurrence.Count == 0)
        {
            return [this];
        }

        if (until <= Start)
        {
            return [];
        }

        string[] lines =
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Scheduler stand-in//EN", "BEGIN:VEVENT", "UID:" + Id,
            "DTSTAMP:" + Basic(Start), "DTSTART:" + Basic(Start), "DTEND:" + Basic(End), .. Recurrence, "END:VEVENT", "END:VCALENDAR",
        ];
        var series = VCalendar.Parse(string.Join("\r\n", lines) + "\r\n");
        return series.GetOccurrences(NodaTime.Instant.FromDateTimeOffset(Start), NodaTime.Instant.FromDateTimeOffset(until), DateTimeZone.Utc).Select(o => this with
        {
            Id = Id + "_" + Basic(o.Start.ToDateTimeOffset()),
            Start = o.Start.ToDateTimeOffset(),
            End = o.End.ToDateTimeOffset(),
            ICalUid = ICalUid ?? Id + "@google.com",
            Recurrence = [],
            RecurringEventId = Id,
        });
    }

    public static StandInEvent From(string id, JsonNode body, long sequence, string? meet) =>
        new(id, body["summary"]?.GetValue<string>() ?? string.Empty, Instant(body["start"]!), Instant(body["end"]!), false, sequence, meet)
        {
            Attendees = [.. body["attendees"]?.AsArray().Select(a => a!["email"]!.GetValue<string>()) ?? []],
            Description = body["description"]?.GetValue<string>(),
        };

    public StandInEvent Patch(JsonNode body, long sequence) => this with
    {
        Summary = body["summary"]?.GetValue<string>() ?? Summary,
        Start = body["start"] is { } s ? Instant(s) : Start,
        End = body["end"] is { } e ? Instant(e) : End,
        Attendees = body["attendees"] is JsonArray a ? [.. a.Select(x => x!["email"]!.GetValue<string>())] : Attendees,
        Cancelled = body["status"]?.GetValue<string>() is { } status ? status == "cancelled" : Cancelled,
        Description = body.AsObject().ContainsKey("description") ? body["description"]?.GetValue<string>() : Description,
        Sequence = sequence,
        Writes = Writes + 1,
    };

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["kind"] = "calendar#event",
            ["id"] = Id,
            ["status"] = Cancelled ? "cancelled" : "confirmed",
        };
        if (RecurringEventId is not null)
        {
            json["recurringEventId"] = RecurringEventId;
            json["originalStartTime"] = new JsonObject { ["dateTime"] = GoogleStandIn.Rfc3339(Start) };
        }

        if (!Cancelled)
        {
            json["iCalUID"] = ICalUid ?? Id + "@google.com";
            json["summary"] = Summary;
            json["start"] = Dates is { } dates ? Date(dates.Start) : new JsonObject { ["dateTime"] = GoogleStandIn.Rfc3339(Start) };
            json["end"] = Dates is { } until ? Date(until.End) : new JsonObject { ["dateTime"] = GoogleStandIn.Rfc3339(End) };
            if (Recurrence.Count > 0)
            {
                json["recurrence"] = new JsonArray([.. Recurrence.Select(line => (JsonNode)line)]);
            }

            if (Description is not null)
            {
                json["description"] = Description;
            }

            if (HangoutLink is not null)
            {
                json["hangoutLink"] = HangoutLink;
                json["conferenceData"] = new JsonObject { ["conferenceSolution"] = new JsonObject { ["key"] = new JsonObject { ["type"] = "hangoutsMeet" } } };
            }
        }

        return json;
    }

    private static string Basic(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Date(DateOnly date) => new() { ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    private static DateTimeOffset Instant(JsonNode node) =>
        DateTimeOffset.Parse(node["dateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}

internal sealed record StandInChannel(string Id, string? Token, string ResourceId, string CalendarId, Uri Address, DateTimeOffset ExpiresAt)
{
    private long _messages;

    public long NextMessageNumber() => Interlocked.Increment(ref _messages);
}

internal sealed record StandInCall(string Method, string? CalendarId, string? Query, string? Body, string Authorization, DateTimeOffset At);

internal sealed record StandInPush(string ChannelId, string State, long MessageNumber, HttpStatusCode Status, DateTimeOffset At);

internal sealed record StandInFault(HttpStatusCode Status, string Reason, int? RetryAfterSeconds);
