using Scheduler.Grains.Calendars.Accounts;
using Scheduler.Grains.Participants.Busy;

namespace Scheduler.Grains.Calendars.Providers;

/// <summary>
/// The busy source of one account provider (<c>google</c>, <c>microsoft</c>): reads free/busy of the calendars a
/// participant's entry names (<see cref="CalendarProvider.ReadEntry"/>) through the <see cref="ICalendarAccountGrain"/>
/// <c>{tenant}/{provider}/{accountId}</c>, which also remembers the participant as a reader so push notifications
/// reach it. Calendars the provider could not read make the answer partial; when none could be read (or the account
/// refused), the fetch fails with <see cref="CalendarSourceException"/> and the participant keeps its last good data.
/// </summary>
/// <param name="provider">The provider.</param>
/// <param name="grains">The grain factory.</param>
public sealed class ProviderBusySource(CalendarProvider provider, IGrainFactory grains) : IBusySource
{
    /// <inheritdoc />
    public string Provider => provider.Provider;

    /// <inheritdoc />
    public TimeSpan FreshFor => provider.BusyFreshFor;

    /// <inheritdoc />
    /// <remarks>Free/busy answers carry no events; the account's push notifications find conflicts.</remarks>
    public bool PolledForConflicts => false;

    /// <inheritdoc />
    public async Task<BusyFetch> FetchAsync(BusySourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = context.Calendar;
        var (label, calendarIds, problem) = provider.ReadEntry(calendar);
        if (problem is not null)
        {
            throw new CalendarSourceException(label, problem);
        }

        var (tenant, _) = GrainKeys.Split(context.ParticipantKey);
        var account = grains.GetGrain<ICalendarAccountGrain>(CalendarAccountKeys.For(tenant, Provider, calendar.AccountId!));
        AccountFreeBusy answer;
        try
        {
            answer = await account.GetFreeBusy(new AccountFreeBusyQuery(context.ParticipantKey, calendarIds, context.Range));
        }
        catch (Exception exception) when (exception is CalendarProviderException or InvalidOperationException)
        {
            throw new CalendarSourceException(label, exception.Message, exception);
        }

        var asked = calendarIds.Count == 0 ? 1 : calendarIds.Distinct(StringComparer.Ordinal).Count();
        var reasons = answer.Errors.Count == 0 ? null : string.Join(", ", answer.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"));
        if (reasons is not null && answer.Errors.Count >= asked)
        {
            throw new CalendarSourceException(label, reasons);
        }

        return new BusyFetch([.. answer.Busy.Select(b => new BusyInterval(b.Start, b.End, BusySourceKind.Calendar))], answer.FetchedAt)
        {
            PartialReason = reasons is null ? null : $"not read: {reasons}",
        };
    }
}
