using Microsoft.Extensions.Options;
using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Common;
using Scheduler.Grains.Participants;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Calendars.Microsoft;

/// <summary>
/// The <c>microsoft</c> busy source: reads the free/busy of the participant's mailbox
/// (<see cref="CalendarSpec.Mailbox"/>) through the <see cref="ICalendarAccountGrain"/>
/// <c>{tenant}/microsoft/{accountId}</c> (<see cref="CalendarSpec.AccountId"/>), which also
/// remembers the participant as a reader so Graph notifications reach it. A mailbox Graph could
/// not read, or a refusing account, fails the fetch with <see cref="CalendarSourceException"/>
/// (recorded in <see cref="CalendarStatusBoard"/>); the participant keeps its last good data.
/// </summary>
/// <param name="grains">The grain factory.</param>
/// <param name="status">Where per-calendar outcomes are recorded.</param>
/// <param name="options">Settings (freshness).</param>
/// <param name="time">The clock.</param>
public sealed class MicrosoftBusySource(IGrainFactory grains, CalendarStatusBoard status, IOptions<MicrosoftOptions> options, TimeProvider time) : IBusySource
{
    /// <inheritdoc />
    public string Provider => MicrosoftConnector.ProviderName;

    /// <inheritdoc />
    public TimeSpan FreshFor => options.Value.BusyFreshFor;

    /// <inheritdoc />
    public async Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = context.Calendar ?? throw new ArgumentException("A microsoft source needs a calendar entry.", nameof(context));
        var label = $"microsoft:{calendar.AccountId}:{calendar.Mailbox}";
        if (string.IsNullOrEmpty(calendar.AccountId) || string.IsNullOrEmpty(calendar.Mailbox))
        {
            throw Fail(context, label, "accountId and mailbox are required");
        }

        var (tenant, _) = GrainKeys.Split(context.ParticipantKey);
        var account = grains.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(tenant, MicrosoftConnector.ProviderName, calendar.AccountId));
        AccountFreeBusy answer;
        try
        {
            answer = await account.GetFreeBusy(new AccountFreeBusyQuery(context.ParticipantKey, [calendar.Mailbox], context.Range));
        }
        catch (Exception exception) when (exception is CalendarProviderException or InvalidOperationException)
        {
            throw Fail(context, label, exception.Message, exception);
        }

        if (answer.Errors.Count > 0)
        {
            throw Fail(context, label, string.Join(", ", answer.Errors.Select(e => $"{e.Key}: {e.Value}")));
        }

        status.RecordSuccess(context.ParticipantKey, Provider, label, answer.FetchedAt);
        return new BusyFetch([.. answer.Busy.Select(b => new BusyInterval(b.Start, b.End, BusySourceKind.Calendar))], answer.FetchedAt);
    }

    private CalendarSourceException Fail(BusySourceContext context, string label, string reason, Exception? inner = null)
    {
        status.RecordFailure(context.ParticipantKey, Provider, label, reason, time.GetUtcNow());
        return new CalendarSourceException(label, reason, inner);
    }
}
