using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Calendars.Google;

/// <summary>
/// The <c>google</c> busy source: reads free/busy of the participant's Google calendars
/// (<see cref="CalendarSpec.AccountId"/>, <see cref="CalendarSpec.CalendarIds"/>) through the
/// <see cref="ICalendarAccountGrain"/> <c>{tenant}/google/{accountId}</c>, which also remembers the
/// participant as a reader so push notifications reach it. Calendars Google could not read are
/// recorded in <see cref="CalendarStatusBoard"/>; when none could be read (or the account refused),
/// the fetch fails with <see cref="CalendarSourceException"/> and the participant keeps its last good data.
/// </summary>
/// <param name="grains">The grain factory.</param>
/// <param name="status">Where per-calendar errors are recorded.</param>
/// <param name="options">Settings (freshness).</param>
/// <param name="time">The clock.</param>
public sealed class GoogleBusySource(IGrainFactory grains, CalendarStatusBoard status, IOptions<GoogleOptions> options, TimeProvider time) : IBusySource
{
    /// <inheritdoc />
    public string Provider => GoogleConnector.ProviderName;

    /// <inheritdoc />
    public TimeSpan FreshFor => options.Value.BusyFreshFor;

    /// <inheritdoc />
    public async Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = context.Calendar ?? throw new ArgumentException("A google source needs a calendar entry.", nameof(context));
        var label = $"google:{calendar.AccountId}";
        if (string.IsNullOrEmpty(calendar.AccountId))
        {
            throw Fail(context, label, "no accountId");
        }

        var (tenant, _) = GrainKeys.Split(context.ParticipantKey);
        var account = grains.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(tenant, GoogleConnector.ProviderName, calendar.AccountId));
        AccountFreeBusy answer;
        try
        {
            answer = await account.GetFreeBusy(new AccountFreeBusyQuery(context.ParticipantKey, calendar.CalendarIds, context.Range));
        }
        catch (Exception exception) when (exception is CalendarProviderException or InvalidOperationException)
        {
            throw Fail(context, label, exception.Message, exception);
        }

        var asked = calendar.CalendarIds.Count == 0 ? 1 : calendar.CalendarIds.Distinct(StringComparer.Ordinal).Count();
        if (answer.Errors.Count > 0)
        {
            var reasons = string.Join(", ", answer.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"));
            if (answer.Errors.Count >= asked)
            {
                throw Fail(context, label, reasons);
            }

            status.RecordFailure(context.ParticipantKey, Provider, label, reasons, answer.FetchedAt);
        }
        else
        {
            status.RecordSuccess(context.ParticipantKey, Provider, label, answer.FetchedAt);
        }

        return new BusyFetch([.. answer.Busy.Select(b => new BusyInterval(b.Start, b.End, BusySourceKind.Calendar))], answer.FetchedAt);
    }

    private CalendarSourceException Fail(BusySourceContext context, string label, string reason, Exception? inner = null)
    {
        status.RecordFailure(context.ParticipantKey, Provider, label, reason, time.GetUtcNow());
        return new CalendarSourceException(label, reason, inner);
    }
}
