using System.Collections.Concurrent;
using Scheduler.Grains.Participants.Busy;
using Scheduler.ICalendar;

namespace Scheduler.Grains.Calendars.Ics;

/// <summary>
/// The <c>ics</c> busy source: a participant's iCalendar feed (secret-address URL of Google,
/// Outlook or iCloud, any <c>http(s)</c> URL, or an allowed <c>file:</c> path). The last good
/// copy of each feed is kept per silo; a copy older than
/// <see cref="CalendarSourceOptions.IcsPollInterval"/> is revalidated with a conditional GET.
/// Events are expanded over the asked range in the participant's zone (RFC 5545). A failure is
/// thrown as <see cref="CalendarSourceException"/>, so the participant keeps its last good data and answers <c>stale</c>.
/// </summary>
/// <param name="reader">Reads feeds.</param>
/// <param name="options">Settings.</param>
/// <param name="time">The clock.</param>
public sealed class IcsBusySource(IcsFeedReader reader, IOptions<CalendarSourceOptions> options, TimeProvider time) : IBusySource
{
    /// <summary>The provider name of iCalendar feeds.</summary>
    public const string ProviderName = "ics";

    private readonly ConcurrentDictionary<string, IcsFeedSnapshot> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<IcsFeedSnapshot>>> _reading = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Provider => ProviderName;

    /// <inheritdoc />
    public TimeSpan FreshFor => options.Value.IcsPollInterval;

    /// <inheritdoc />
    public bool PolledForConflicts => true;

    /// <summary>The last good copy of a feed on this silo.</summary>
    /// <param name="url">The feed URL as configured.</param>
    /// <returns>The copy, or <see langword="null"/> when it was never read successfully.</returns>
    public IcsFeedSnapshot? GetSnapshot(string url) => _feeds.TryGetValue(url, out var snapshot) ? snapshot : null;

    /// <inheritdoc />
    /// <exception cref="CalendarSourceException">The feed could not be read or parsed.</exception>
    public async Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.Calendar.Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new CalendarSourceException("(no url)", "the ics calendar has no url");
        }

        _feeds.TryGetValue(url, out var snapshot);
        if (snapshot is null || time.GetUtcNow() - snapshot.FetchedAt >= FreshFor)
        {
            var reading = _reading.GetOrAdd(url, _ => new Lazy<Task<IcsFeedSnapshot>>(() => ReadAndKeepAsync(url, snapshot, context.ParticipantKey, cancellationToken)));
            try
            {
                snapshot = await reading.Value.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CalendarSourceException(CalendarUrl.Redact(url), "the read this one waited for was given up");
            }
        }

        var busy = OccurrenceMapping.ToBusy(snapshot.Calendar, context.Range, context.TimeZone, CalendarUrl.Redact(url));
        return new BusyFetch(busy, snapshot.FetchedAt) { PartialReason = PartialReason(snapshot.Calendar), FromEvents = true };
    }

    /// <summary>
    /// One read of a feed, shared by every fetch that needs it meanwhile (a participant's background read and a
    /// question about another range, or several participants with the same feed); cancelled with the fetch that started it.
    /// </summary>
    private async Task<IcsFeedSnapshot> ReadAndKeepAsync(string url, IcsFeedSnapshot? previous, string participantKey, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await reader.ReadAsync(url, previous, participantKey, cancellationToken);
            _feeds[url] = snapshot;
            return snapshot;
        }
        finally
        {
            _reading.TryRemove(url, out _);
        }
    }

    /// <summary>Why a feed was read only in part (components skipped), or <see langword="null"/>.</summary>
    private static string? PartialReason(VCalendar calendar) =>
        calendar.Warnings.FirstOrDefault(w => w.Skipped) is { } first
            ? $"{calendar.Warnings.Count(w => w.Skipped)} component(s) skipped; first at line {first.LineNumber}: {first.Message}"
            : null;
}
