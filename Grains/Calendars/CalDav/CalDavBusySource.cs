using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Participants.Busy;
using Scheduler.ICalendar;

namespace Scheduler.Grains.Calendars.CalDav;

/// <summary>
/// The <c>caldav</c> busy source: reads the participant's CalDAV calendar collection
/// (<see cref="CalendarSpec.Url"/>, Basic credentials from the calendar entry) with a
/// <c>calendar-query</c> REPORT over the asked range (RFC 4791 §7.8) and expands the returned
/// events in the participant's zone (RFC 5545); optionally asks for <c>free-busy-query</c> first
/// (<see cref="CalendarSourceOptions.PreferCalDavFreeBusy"/>). A failure is thrown as <see cref="CalendarSourceException"/>.
/// </summary>
/// <param name="client">The CalDAV client.</param>
/// <param name="options">Settings.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
/// <param name="protector">Reveals stored passwords (<see cref="CalDavPasswords"/>); <see langword="null"/> on a silo without calendar accounts.</param>
public sealed class CalDavBusySource(
    CalDavClient client,
    IOptions<CalendarSourceOptions> options,
    TimeProvider time,
    ILogger<CalDavBusySource> logger,
    CalendarCredentialProtector? protector = null) : IBusySource
{
    /// <summary>The provider name of CalDAV calendars.</summary>
    public const string ProviderName = "caldav";

    /// <summary>How far the server query reaches beyond the asked range on each side, so floating times (which the server reads in its own zone) are not cut off: 14 hours, the largest UTC offset.</summary>
    private static readonly TimeSpan FloatingMargin = TimeSpan.FromHours(14);

    /// <inheritdoc />
    public string Provider => ProviderName;

    /// <inheritdoc />
    public TimeSpan FreshFor => options.Value.CalDavPollInterval;

    /// <inheritdoc />
    public bool PolledForConflicts => true;

    /// <inheritdoc />
    /// <exception cref="CalendarSourceException">The calendar could not be read.</exception>
    public async Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Calendar;
        var url = spec.Url;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CalendarSourceException(CalendarUrl.Redact(url), "the caldav calendar needs an absolute http(s) url");
        }

        var calendar = new CalDavCalendar(uri, spec.Username, CalDavPasswords.Reveal(spec.Password, protector));
        var (intervals, skipped, fromEvents) = await ReadAsync(calendar, context, cancellationToken);
        return new BusyFetch(intervals, time.GetUtcNow()) { PartialReason = skipped, FromEvents = fromEvents };
    }

    /// <summary>The busy intervals of the range, why some resources were skipped (or <see langword="null"/>), and whether they were read as events (not a free-busy answer).</summary>
    private async Task<(IReadOnlyList<BusyInterval> Busy, string? Skipped, bool FromEvents)> ReadAsync(CalDavCalendar calendar, BusySourceContext context, CancellationToken cancellationToken)
    {
        var range = context.Range;
        if (options.Value.PreferCalDavFreeBusy)
        {
            var periods = await client.QueryFreeBusyAsync(calendar, range.Start, range.End, cancellationToken);
            if (periods is not null)
            {
                return (periods, null, false);
            }

            CalendarLog.FreeBusyUnsupported(logger, calendar.ToString());
        }

        var resources = await client.QueryEventsAsync(calendar, range.Start - FloatingMargin, range.End + FloatingMargin, cancellationToken);
        List<BusyInterval> busy = [];
        List<string> skipped = [];
        foreach (var resource in resources)
        {
            VCalendar parsed;
            try
            {
                parsed = VCalendar.Parse(resource.CalendarData);
            }
            catch (ICalendarParseException exception)
            {
                // One unreadable resource must not hide the rest of the calendar.
                skipped.Add($"line {exception.LineNumber}: {exception.Reason}");
                continue;
            }

            busy.AddRange(OccurrenceMapping.ToBusy(parsed, range, context.TimeZone, calendar.ToString()));
        }

        var reason = skipped.Count == 0 ? null : $"{skipped.Count} resource(s) skipped; first at {skipped[0]}";
        return ([.. busy.OrderBy(b => b.Start).ThenBy(b => b.End)], reason, true);
    }
}
