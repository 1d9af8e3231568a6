using Scheduler.Grains.Calendars;
using Scheduler.Grains.Notifications;
using Scheduler.Grains.Notifications.Email;
using Scheduler.Grains.Requests;
using Scheduler.Scheduling.Intervals;
using Scheduler.Scheduling.Prep;

namespace Scheduler.Grains.Prep;

/// <summary>
/// The candidate's prep plan for one request (<see cref="IPrepPlanGrain"/>). Planning reads the candidate's free
/// working time (<see cref="CandidateFreeTime"/>) and runs the engine's <see cref="PrepPlanner"/> (front-loaded, in
/// the candidate's zone). When the settings ask for the calendar, the blocks go to the candidate's connected calendars
/// through the calendar writers (<see cref="EventMirror"/>), or, without one, by email as an <c>.ics</c> through the
/// request's notification outbox (each email once: its outbox key carries the email's sequence). Both are written
/// before the plan is stored: a failure in between leaves the old plan stored, and the repeated call (the caller's
/// retry, or the request's work turn) writes the same events and finds the same email in the outbox.
/// </summary>
/// <param name="state">The durable state.</param>
/// <param name="time">The clock.</param>
/// <param name="log">The logger.</param>
/// <param name="notifications">The configured notification channels; when absent (no notifications registered), nothing is emailed.</param>
[GrainType("prepplan")]
public sealed class PrepPlanGrain([PersistentState("prepplan")] IPersistentState<PrepPlanState> state, TimeProvider time, ILogger<PrepPlanGrain> log, NotificationChannels? notifications = null) : Grain, IPrepPlanGrain
{
    private PrepPlanState S => state.State;

    /// <summary>The key the plan's calendar events are written under: the request key and <c>#prep</c> (request ids never hold <c>#</c>).</summary>
    private string EventKey => this.GetPrimaryKeyString() + "#prep";

    /// <inheritdoc />
    public Task<PrepPlanView> Plan(PrepPlanCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return PlanAsync(command.Interview, command.Settings);
    }

    /// <inheritdoc />
    public async Task InterviewChanged(PrepInterviewChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Interview is not { } interview)
        {
            await RemoveAsync(change.Reason ?? "The interview no longer has a booked time.");
            return;
        }

        var settings = S.Settings ?? (S.Deleted ? null : change.RequestSettings);
        if (settings is null || (S.Plan is { } plan && plan.Interview.Slot == interview.Slot && plan.Interview.CandidateId == interview.CandidateId))
        {
            return;
        }

        await PlanAsync(interview, settings);
    }

    /// <inheritdoc />
    public Task<PrepPlanView?> Get() => Task.FromResult(S.Plan);

    /// <inheritdoc />
    public async Task<bool> Delete()
    {
        if (S.Settings is null)
        {
            return false;
        }

        S.Settings = null;
        S.Deleted = true;
        await RemoveAsync("The prep plan was deleted.", changed: true);
        return true;
    }

    private async Task<PrepPlanView> PlanAsync(PrepInterview interview, PrepSpec settings)
    {
        var (tenant, requestId) = GrainKeys.Split(this.GetPrimaryKeyString());
        var candidateKey = GrainKeys.For(tenant, interview.CandidateId);
        var candidate = GrainFactory.GetGrain<IParticipantGrain>(candidateKey);
        var profile = await candidate.GetProfile();
        var now = time.GetUtcNow();
        var result = profile is null
            ? new PrepPlan([], settings.TotalHours * 60, 0, settings.TotalHours * 60, $"The candidate '{interview.CandidateId}' has no profile.")
            : PrepPlanner.Plan(
                new PrepPlanRequest(
                    EngineMapping.ToInstant(interview.Slot.Start),
                    interview.Slot.Start > now ? await CandidateFreeTime.ReadAsync(candidate, interview.CandidateId, profile, new TimeRange(now, interview.Slot.Start), Delivered()) : IntervalSet.Empty,
                    EngineMapping.ParseZone(profile.TimeZone, "timeZone"),
                    settings.TotalHours * 60)
                {
                    DailyCapMinutes = settings.DailyCapMinutes,
                    MinBlockMinutes = settings.MinBlockMinutes,
                    MaxBlockMinutes = settings.MaxBlockMinutes,
                    NoPrepHoursBeforeInterview = settings.RestHoursBeforeInterview,
                },
                EngineMapping.ToInstant(now));

        List<TimeRange> blocks = [.. result.Blocks.Select(EngineMapping.ToRange)];
        var (delivery, note) = await DeliverAsync(candidateKey, profile, interview, settings.AddToCalendar ? blocks : [], null);
        S.Settings = settings;
        S.Deleted = false;
        S.Plan = new PrepPlanView(requestId, interview, settings, blocks)
        {
            RequestedMinutes = result.RequestedMinutes,
            PlannedMinutes = result.PlannedMinutes,
            ShortfallMinutes = result.ShortfallMinutes,
            Reasons = result.ShortfallReason is { } reason ? [reason] : [],
            PlannedAt = now,
            Delivery = delivery,
            DeliveryNote = settings.AddToCalendar ? note : null,
        };
        await state.WriteStateAsync();
        log.Planned(this.GetPrimaryKeyString(), result.PlannedMinutes, result.RequestedMinutes, interview.Slot.Start, delivery);
        return S.Plan;
    }

    /// <summary>
    /// Removes the plan and withdraws its blocks from the candidate's calendar, then writes the state (with what the
    /// caller changed); the settings stay unless the caller cleared them. Without a plan and without a change of the
    /// caller's, nothing is written.
    /// </summary>
    private async Task RemoveAsync(string reason, bool changed = false)
    {
        if (S.Plan is { } plan)
        {
            var candidateKey = GrainKeys.For(GrainKeys.Split(this.GetPrimaryKeyString()).Tenant, plan.Interview.CandidateId);
            var profile = await GrainFactory.GetGrain<IParticipantGrain>(candidateKey).GetProfile();
            await DeliverAsync(candidateKey, profile, plan.Interview, [], reason);
            S.Plan = null;
            log.Removed(this.GetPrimaryKeyString(), reason);
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>The blocks the candidate's calendars may show now (written, or imported from an email).</summary>
    private IEnumerable<TimeRange> Delivered() => S.CalendarBlocks.Concat(S.EmailedBlocks);

    /// <summary>
    /// Makes the candidate's calendar show <paramref name="wanted"/> (empty: none): through the connected calendars
    /// when the profile has one, otherwise by email; earlier blocks that are no longer wanted are withdrawn the way
    /// they went. Nothing is written when the calendar or the last email already shows these blocks.
    /// </summary>
    private async Task<(PrepDelivery Delivery, string? Note)> DeliverAsync(string candidateKey, ParticipantProfile? profile, PrepInterview interview, List<TimeRange> wanted, string? withdrawReason)
    {
        var title = NoticeBuilder.Title(profile?.DisplayName ?? interview.CandidateId, interview.StageNames);
        var writable = profile is not null && EventMirror.CanWrite(profile);
        List<TimeRange> toCalendar = writable ? wanted : [];
        if (!toCalendar.SequenceEqual(S.CalendarBlocks))
        {
            if (writable)
            {
                await EventMirror.WriteAsync(GrainFactory, candidateKey, profile!, EventKey, toCalendar, PrepCalendar.Summary(title));
            }

            // Without a writable calendar any more (the candidate removed it) the earlier events cannot be reached: forget them.
            S.CalendarBlocks = toCalendar;
        }

        if (toCalendar.Count > 0)
        {
            return (PrepDelivery.Calendar, "Written to the candidate's connected calendar; it shows the blocks once the calendar provider has accepted the write (retried until it does).");
        }

        List<TimeRange> toEmail = writable ? [] : wanted;
        var address = profile?.Email;
        var cannotEmail = notifications is null || !notifications.EmailConfigured
            ? "Email is not configured (Smtp:Host), and the candidate has no connected calendar."
            : string.IsNullOrWhiteSpace(address) ? "The candidate has neither a connected calendar nor an email address." : null;
        if (!toEmail.SequenceEqual(S.EmailedBlocks))
        {
            if (cannotEmail is null)
            {
                await GrainFactory.GetGrain<INotificationOutboxGrain>(this.GetPrimaryKeyString()).Enqueue(new InterviewNotification
                {
                    Kind = toEmail.Count > 0 ? NotificationKind.PrepPlan : NotificationKind.PrepWithdrawn,
                    Sequence = S.EmailsSent,
                    Title = title,
                    Slot = interview.Slot,
                    Reason = withdrawReason,
                    PrepBlocks = toEmail,
                    PrepWithdrawnBlocks = [.. S.EmailedBlocks.Skip(toEmail.Count)],
                    Recipients = [new NotificationRecipient(interview.CandidateId, profile!.DisplayName, RecipientRole.Candidate, profile.TimeZone, address)],
                });
                S.EmailsSent++;
            }

            S.EmailedBlocks = cannotEmail is null ? toEmail : [];
        }

        return toEmail.Count == 0 ? (PrepDelivery.None, null)
            : cannotEmail is null ? (PrepDelivery.Email, $"Emailed to {address} as {PrepCalendar.FileName}.")
            : (PrepDelivery.None, cannotEmail);
    }
}
