using System.Security.Cryptography;
using System.Text;
using Scheduler.Grains.Common.Retries;
using Scheduler.ICalendar.Writing;

namespace Scheduler.Grains.Calendars.CalDav.Writing;

/// <summary>
/// Writes a participant's interviews into its CalDAV calendars (see <see cref="ICalDavWriterGrain"/>).
/// Each interval of a request is one event whose UID is derived from the request key and the
/// interval's position, so the same write always targets the same resources: a create that finds
/// the resource already there (412 on <c>If-None-Match: *</c>, after a crash between the server's
/// answer and our state write) overwrites it under its current ETag instead of creating a second
/// one, and a delete of a resource that is already gone counts as done. Unsent writes are retried
/// through the shared <see cref="Retrier"/> (<see cref="Policy"/>) from a durable reminder.
/// </summary>
[GrainType("caldavwriter")]
public sealed class CalDavWriterGrain : Grain, ICalDavWriterGrain, IRemindable
{
    /// <summary>The period of the retry reminder.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Retries 1 min after a failure, doubling up to 30 min, and never gives up: the latest write of a request replaces an unsent one.</summary>
    public static readonly RetryPolicy Policy = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), RetryPolicy.Unlimited);

    private const string RetryReminder = "caldav-writes";

    private readonly IPersistentState<CalDavWriterState> _state;
    private readonly CalDavClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger<CalDavWriterGrain> _log;
    private readonly Retrier _retrier;
    private readonly RetryDriver _writes;

    /// <summary>Creates the grain; called by the silo.</summary>
    /// <param name="state">The durable state.</param>
    /// <param name="client">The CalDAV client.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">The logger.</param>
    public CalDavWriterGrain([PersistentState("caldavwrites")] IPersistentState<CalDavWriterState> state, CalDavClient client, TimeProvider time, ILogger<CalDavWriterGrain> log)
    {
        _state = state;
        _client = client;
        _time = time;
        _log = log;
        _retrier = new Retrier(Policy, time);
        _writes = new RetryDriver(this, RetryReminder, RetryPeriod, time, () => Retrier.NextWakeUp(S.Unsent.Values), _ => FlushAsync());
    }

    private CalDavWriterState S => _state.State;

    /// <inheritdoc />
    public async Task Write(CalDavEventWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        S.Unsent[write.RequestKey] = new RetryItem<CalDavEventWrite> { Value = write };
        await _state.WriteStateAsync();

        // The retry reminder exists before the first attempt, so a crash mid-write is resumed too.
        await _writes.WakeAsync();
    }

    /// <inheritdoc />
    public Task<int> PendingCount() => Task.FromResult(S.Unsent.Count);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => _writes.ReceiveReminderAsync(reminderName);

    /// <summary>The UID of the event for one interval of a request: stable, opaque, and free of the request key's characters.</summary>
    /// <param name="requestKey">The request's grain key.</param>
    /// <param name="index">The interval's position in the request's write, from 0.</param>
    /// <returns>The UID.</returns>
    public static string EventUid(string requestKey, int index)
    {
        ArgumentNullException.ThrowIfNull(requestKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestKey)).AsSpan(0, 12));
        return $"interview-{hash}-{index}{Notifications.MessageIds.UidSuffix}";
    }

    private Task FlushAsync()
    {
        var participant = this.GetPrimaryKeyString();
        CalDavCalendar[]? calendars = null;
        return _retrier.AttemptDueAsync(
            S.Unsent.Values,
            () => _state.WriteStateAsync(),
            async item => await ApplyAsync(item.Value, calendars ??= await CalendarsAsync(participant)),
            exception => exception is CalendarSourceException or TimeoutException ? false : null,
            (item, failure) =>
            {
                if (failure is null)
                {
                    S.Unsent.Remove(item.Value.RequestKey);
                    CalDavWriterLog.Written(_log, participant, item.Value.RequestKey, calendars!.Length);
                }
                else
                {
                    CalDavWriterLog.WriteFailed(_log, participant, item.Value.RequestKey, failure.Message);
                }
            });
    }

    /// <summary>The participant's CalDAV calendars, read from its grain.</summary>
    /// <exception cref="TimeoutException">The participant did not answer (the write stays unsent).</exception>
    private async Task<CalDavCalendar[]> CalendarsAsync(string participant)
    {
        var specs = await GrainFactory.GetGrain<ICalendarReaderGrain>(participant).GetCalDavCalendars();
        return [.. specs.Select(c => new CalDavCalendar(new Uri(c.Url!), c.Username, c.Password))];
    }

    /// <summary>Puts every interval's event on every calendar and deletes the request's events that are no longer wanted.</summary>
    /// <exception cref="CalendarSourceException">A server refused or could not be reached (the write stays pending).</exception>
    private async Task ApplyAsync(CalDavEventWrite write, IReadOnlyList<CalDavCalendar> calendars)
    {
        var written = S.Written.GetValueOrDefault(write.RequestKey) ?? [];
        var wanted = write.Intervals.Select((interval, index) => (Uid: EventUid(write.RequestKey, index), Interval: interval)).ToArray();
        var stamp = EngineMapping.ToInstant(_time.GetUtcNow());
        var result = new List<CalDavWrittenEvent>();
        foreach (var calendar in calendars)
        {
            var url = calendar.CollectionUrl.AbsoluteUri;
            foreach (var (uid, interval) in wanted)
            {
                // Only a link that can be written (the request keeps https ones), in one form for both properties.
                var link = write.Links.FirstOrDefault(l => l.StageStart == interval.Start)?.Url is { } given
                    && Uri.TryCreate(given, UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps ? parsed.AbsoluteUri : null;
                var text = CalendarObjectWriter.WriteEvent(
                    uid, EngineMapping.ToInstant(interval.Start), EngineMapping.ToInstant(interval.End), write.Summary, stamp, link is null ? null : EventMirror.MeetingDescription(link), link);
                var known = written.FirstOrDefault(w => w.CalendarUrl == url && w.Uid == uid);
                var etag = await PutAsync(calendar, uid, text, known?.ETag);
                result.Add(new CalDavWrittenEvent(url, uid, etag));
            }

            foreach (var stale in written.Where(w => w.CalendarUrl == url && !wanted.Any(x => x.Uid == w.Uid)))
            {
                await _client.DeleteEventAsync(calendar, stale.Uid, null, CancellationToken.None);
            }
        }

        if (result.Count > 0)
        {
            S.Written[write.RequestKey] = result;
        }
        else
        {
            S.Written.Remove(write.RequestKey);
        }
    }

    /// <summary>Creates or replaces our event; on a failed precondition, takes the server's current ETag and replaces it once more.</summary>
    private async Task<string?> PutAsync(CalDavCalendar calendar, string uid, string text, string? etag)
    {
        var outcome = await _client.PutEventAsync(calendar, uid, text, etag, CancellationToken.None);
        if (outcome.Status != CalDavWriteStatus.PreconditionFailed)
        {
            return outcome.ETag;
        }

        // The resource is ours (its UID is derived from the request): overwrite what is there now.
        var current = await _client.GetEventAsync(calendar, uid, CancellationToken.None);
        outcome = await _client.PutEventAsync(calendar, uid, text, current?.ETag, CancellationToken.None);
        return outcome.Status == CalDavWriteStatus.PreconditionFailed
            ? throw new CalendarSourceException(calendar.ToString(), $"the event {uid} kept changing while it was written")
            : outcome.ETag;
    }
}
