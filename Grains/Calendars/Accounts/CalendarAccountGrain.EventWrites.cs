using Scheduler.Grains.Common.Retries;
using Scheduler.Grains.Requests;

namespace Scheduler.Grains.Calendars.Accounts;

/// <summary>Interview event writes: kept in the state until the provider accepts them, retried by the event-writes reminder.</summary>
public sealed partial class CalendarAccountGrain
{
    /// <inheritdoc />
    public async Task WriteInterviewEvent(InterviewEventWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_providers.Any(c => c.Provider == _providerName))
        {
            AccountLog.EventWriteFailed(_log, this.GetPrimaryKeyString(), write.RequestKey, $"no calendar provider '{_providerName}'");
            return;
        }

        S.UnsentEventWrites[WriteKey(write.RequestKey, write.ParticipantKey)] = new RetryItem<InterviewEventWrite> { Value = write };
        await PersistAsync();

        // The retry reminder exists before the first attempt, so a crash mid-write is resumed too.
        await _eventWrites.WakeAsync();
    }

    /// <inheritdoc />
    public async Task ConferenceLinkRecorded(string requestKey, DateTimeOffset stageStart, string url)
    {
        var key = LinkReportKey(requestKey, stageStart);
        if (S.LinkReports.TryGetValue(key, out var report) && report.Link.Url == url)
        {
            S.LinkReports.Remove(key);
            await PersistAsync();
        }
    }

    private static string WriteKey(string requestKey, string participantKey) => string.Concat(requestKey, "\n", participantKey);

    private static string LinkReportKey(string requestKey, DateTimeOffset stageStart) =>
        string.Concat(requestKey, "\n", stageStart.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// When the next run is due: the first link report to send again, and the unsent event writes (while the account is
    /// not connected, those never: they are kept, and <see cref="Connect"/> wakes them).
    /// </summary>
    private DateTimeOffset? NextEventWrite()
    {
        var writes = S.ProtectedCredentials is null ? null : Retrier.NextWakeUp(S.UnsentEventWrites.Values);
        var reports = S.LinkReports.Count == 0 ? (DateTimeOffset?)null : S.LinkReports.Values.Min(r => r.NextSendAt);
        return writes is null ? reports : reports is null ? writes : (writes < reports ? writes : reports);
    }

    /// <summary>Sends the due link reports again, then the due event writes in order; each write is removed once the provider accepted it, the rest wait for their next attempt.</summary>
    private async Task FlushEventWritesAsync()
    {
        if (await SendLinkReportsAsync())
        {
            await PersistAsync();
        }

        if (S.ProtectedCredentials is null)
        {
            return;
        }

        var provider = Provider;
        await _retrier.AttemptDueAsync(
            S.UnsentEventWrites.Values,
            PersistAsync,
            item => WriteEventsAsync(provider, item.Value),
            exception => exception is CalendarProviderException ? false : null,
            (item, failure) =>
            {
                var write = item.Value;
                if (failure is null)
                {
                    S.UnsentEventWrites.Remove(WriteKey(write.RequestKey, write.ParticipantKey));
                    AccountLog.EventsWritten(_log, this.GetPrimaryKeyString(), write.RequestKey, write.Intervals.Count);
                }
                else
                {
                    AccountLog.EventWriteFailed(_log, this.GetPrimaryKeyString(), write.RequestKey, failure.Message);
                }
            });
    }

    /// <summary>
    /// Upserts one event per interval and deletes the events of the same interview and participant no longer wanted; the
    /// meeting link of each hosted interval's event goes to the request (one-way, so a request waiting on the participant
    /// that asked for these events is never waited on in turn).
    /// </summary>
    /// <exception cref="CalendarProviderException">The provider refused or could not be reached.</exception>
    private async Task WriteEventsAsync(CalendarProvider provider, InterviewEventWrite write)
    {
        var key = WriteKey(write.RequestKey, write.ParticipantKey);
        var calendarId = string.IsNullOrEmpty(write.CalendarId) ? provider.PrimaryCalendarId : write.CalendarId;
        var wanted = write.Intervals.Select((interval, i) => (Id: provider.EventId(write.RequestKey, write.ParticipantKey, i), Interval: interval)).ToArray();
        var stored = new List<string>(wanted.Length);
        var links = new List<ConferenceLink>();
        foreach (var (id, interval) in wanted)
        {
            var conferencing = write.HostedStarts.Contains(interval.Start) ? write.Conferencing : "none";
            // The event that carries the meeting keeps its provider's own text (rewriting a Teams event's body drops the meeting).
            var description = conferencing == "none" && write.Links.FirstOrDefault(l => l.StageStart == interval.Start) is { } known ? EventMirror.MeetingDescription(known.Url) : null;
            var upserted = await WithTokenAsync(token => provider.UpsertEventAsync(token, calendarId, id, write.Summary, interval, conferencing, description, CancellationToken.None));
            stored.Add(upserted.Id);
            if (conferencing != "none" && upserted.ConferenceUrl is { } url)
            {
                links.Add(new ConferenceLink(interval.Start, url));
            }
        }

        // Events written before and no longer wanted (fewer intervals, or another calendar) are deleted.
        if (S.WrittenEvents.TryGetValue(key, out var written))
        {
            var keep = written.CalendarId == calendarId ? stored.ToHashSet(StringComparer.Ordinal) : [];
            foreach (var id in written.EventIds.Where(id => !keep.Contains(id)))
            {
                await WithTokenAsync(token => provider.DeleteEventAsync(token, written.CalendarId, id, CancellationToken.None));
            }
        }

        if (wanted.Length == 0)
        {
            S.WrittenEvents.Remove(key);
        }
        else
        {
            S.WrittenEvents[key] = new WrittenEvents(calendarId, stored);
        }

        foreach (var link in links)
        {
            S.LinkReports[LinkReportKey(write.RequestKey, link.StageStart)] =
                new LinkReport { RequestKey = write.RequestKey, Link = link with { ReportedBy = this.GetPrimaryKeyString() } };
        }

        await SendLinkReportsAsync();
    }

    /// <summary>
    /// Sends each due link report to its request (one-way, so a request waiting on the participant that asked for the
    /// events is never waited on in turn) and schedules the next send (<see cref="LinkReportPolicy"/>); drops the reports
    /// sent <see cref="RetryPolicy.MaxAttempts"/> times, or sent at least once and whose stage has started (a link made
    /// late is still sent once: people may still join). The caller persists.
    /// </summary>
    /// <returns>Whether any report changed.</returns>
    private async Task<bool> SendLinkReportsAsync()
    {
        var now = _time.GetUtcNow();
        var changed = false;
        foreach (var (key, report) in S.LinkReports.ToList())
        {
            if (report.Sends >= LinkReportPolicy.MaxAttempts || (report.Sends > 0 && report.Link.StageStart <= now))
            {
                S.LinkReports.Remove(key);
                changed = true;
                continue;
            }

            if (report.NextSendAt > now)
            {
                continue;
            }

            report.Sends++;
            report.NextSendAt = now + LinkReportPolicy.DelayAfter(report.Sends, 0.5);
            changed = true;
            await GrainFactory.GetGrain<IInterviewRequestGrain>(report.RequestKey).RecordConferenceLink(report.Link);
        }

        return changed;
    }

    private static List<string> CalendarIds(IReadOnlyList<string> asked, CalendarProvider provider) =>
        asked.Count == 0 ? [provider.PrimaryCalendarId] : [.. asked.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
