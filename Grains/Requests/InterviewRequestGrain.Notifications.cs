using Scheduler.Grains.Notifications.FollowUps;
using Scheduler.Grains.Notifications.Reminders;
using Scheduler.Grains.Notifications;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Requests;

/// <summary>
/// The notification side of the request: what to tell whom is decided with each transition and written with it
/// (<see cref="RequestState.NoticesToSend"/>), then handed to the request's <see cref="INotificationOutboxGrain"/>
/// in the work turn that follows; interview reminders (<see cref="ReminderPlanner"/>) and the follow-ups after the
/// interview (<see cref="FollowUpReminder"/>) are planned after booking, moved on reschedule and removed on cancel.
/// </summary>
public sealed partial class InterviewRequestGrain
{
    /// <inheritdoc />
    public async Task<InterviewRequestView?> GetWithNotifications()
    {
        if (_store.View is not { } view)
        {
            return null;
        }

        if (_notifications is null)
        {
            return view;
        }

        var history = await GrainFactory.GetGrain<INotificationOutboxGrain>(this.GetPrimaryKeyString()).GetHistory();
        return view with { Notifications = history };
    }

    /// <summary>
    /// After an activation (a crash, an idle deactivation, or a failed work turn that dropped the activation), hands
    /// notices that were written but not yet given to the outbox over at once instead of waiting for the durable
    /// <c>process</c> reminder. Only for a settled request: negotiation and booking keep resuming on that reminder,
    /// whose period is longer than a hold's lifetime.
    /// </summary>
    private void ResumeNotificationsOnActivate()
    {
        if (_notifications is not null && S.Spec is not null && (S.NoticesToSend.Count > 0 || S.ReplanReminders)
            && !RequestTransitions.InProgress(S.Status))
        {
            _kick.Request();
        }
    }

    private void AddNotice(
        NotificationKind kind,
        NoticeAudience audience,
        int sequence,
        TimeRange? slot,
        string? reason,
        TimeRange? previous = null,
        IReadOnlyList<ProposalView>? proposals = null,
        int? reminderMinutes = null,
        string? skipReason = null,
        string? note = null,
        DateTimeOffset? awaitLinksUntil = null,
        IReadOnlyList<ScheduledStageView>? stages = null)
    {
        if (_notifications is null)
        {
            return;
        }

        S.NoticesToSend.Add(new PendingNotice
        {
            Kind = kind,
            Audience = audience,
            Sequence = sequence,
            Slot = slot,
            PreviousSlot = previous,
            Proposals = [.. (proposals ?? []).Select(p => NoticeBuilder.SlotOf(p.Stages))],
            ProposalIds = [.. (proposals ?? []).Select(p => p.Id)],
            Reason = reason,
            ReminderMinutes = reminderMinutes,
            SkipReason = skipReason,
            Note = note,
            Stages = [.. stages ?? S.AnnouncedStages],
            AwaitLinksUntil = awaitLinksUntil,
        });
    }

    /// <summary>
    /// Booked (first time, or again after the slot was withdrawn) or rescheduled (with the previous slot) to every attendee;
    /// SEQUENCE+1 whenever the event was announced before. It waits for the stages' video meeting links (<see cref="PendingNotice.AwaitLinksUntil"/>).
    /// An interviewer of the previous announcement who is not on the new panel is sent its cancellation (RFC 5546 §3.2.5:
    /// an attendee removed from the event gets a CANCEL), so their invite leaves their calendar.
    /// </summary>
    private void AnnounceBooked(List<ScheduledStageView> stages)
    {
        if (_notifications is null)
        {
            return;
        }

        var slot = NoticeBuilder.SlotOf(stages);
        var previous = S.AnnouncedSlot;
        var dropped = DroppedInterviewers(S.AnnouncedStages, stages);
        var everBooked = previous is not null || S.NotifySequence > 0 || S.NoticesToSend.Exists(n => n.Kind == NotificationKind.Booked)
            || S.History.Exists(h => h.Status == RequestStatus.Booked);
        if (everBooked)
        {
            S.NotifySequence++;
        }

        S.AnnouncedSlot = slot;
        S.AnnouncedStages = [.. stages];
        AddNotice(previous is not null ? NotificationKind.Rescheduled : NotificationKind.Booked, NoticeAudience.Attendees, S.NotifySequence, slot, null, previous,
            awaitLinksUntil: S.ConferenceStarts.Count > 0 ? _time.GetUtcNow() + RequestSettings.ConferenceLinkWait : null);
        if (previous is { } was && dropped.Count > 0)
        {
            AddNotice(NotificationKind.Cancelled, NoticeAudience.Interviewers, S.NotifySequence, was, "You are no longer on this interview's panel.", stages: dropped);
        }

        S.ReplanReminders = true;
    }

    /// <summary>The stages of <paramref name="before"/> with only their interviewers who are in none of <paramref name="after"/>'s stages; stages left without any are dropped.</summary>
    private static List<ScheduledStageView> DroppedInterviewers(IReadOnlyList<ScheduledStageView> before, IReadOnlyList<ScheduledStageView> after)
    {
        var kept = after.SelectMany(s => s.InterviewerIds).ToHashSet(StringComparer.Ordinal);
        return [.. before.Select(s => s with { InterviewerIds = [.. s.InterviewerIds.Where(id => !kept.Contains(id))] }).Where(s => s.InterviewerIds.Count > 0)];
    }

    /// <summary>Cancelled (SEQUENCE+1) to every attendee of the slot they were told about, if any.</summary>
    private void AnnounceWithdrawn(string? reason)
    {
        if (_notifications is null)
        {
            return;
        }

        S.ReplanReminders = true;
        if (S.AnnouncedSlot is not { } slot)
        {
            return;
        }

        S.NotifySequence++;
        AddNotice(NotificationKind.Cancelled, NoticeAudience.Attendees, S.NotifySequence, slot, reason);
        S.AnnouncedSlot = null;
        S.AnnouncedStages = [];
    }

    /// <summary>Handles the reminders of the notification side; returns whether <paramref name="reminderName"/> was one of them.</summary>
    private async Task<bool> TryReceiveNotificationReminderAsync(string reminderName)
    {
        if (ReminderPlanner.TryParseName(reminderName, out var minutes))
        {
            await InterviewReminderFiredAsync(minutes);
            return true;
        }

        if (reminderName == FollowUpReminder.Name)
        {
            await FollowUpFiredAsync();
            return true;
        }

        return false;
    }

    /// <summary>
    /// The follow-ups are due: a feedback reminder to the interviewers and, when the tenant asks for it, a thank-you to
    /// the candidate, both under the interview's current sequence (sent once each through the outbox). A follow-up
    /// that fires late (the silo was down) is still sent; one that fires for a request no longer booked or completed
    /// only removes itself.
    /// </summary>
    private async Task FollowUpFiredAsync()
    {
        if (_notifications is not null && S.Status is RequestStatus.Booked or RequestStatus.Completed && S.AnnouncedSlot is { } slot)
        {
            var plan = await GrainFactory.GetGrain<INotificationSettingsGrain>(Tenant).GetFollowUpPlan();
            if (plan.FeedbackReminder)
            {
                AddNotice(NotificationKind.FeedbackReminder, NoticeAudience.Interviewers, S.NotifySequence, slot, null);
            }

            if (plan.CandidateThankYou)
            {
                AddNotice(NotificationKind.ThankYou, NoticeAudience.Candidate, S.NotifySequence, slot, null, note: plan.ThankYouNextSteps);
            }

            if (plan.FeedbackReminder || plan.CandidateThankYou)
            {
                await _store.SaveWorkAsync();
                await StartWorkAsync();
            }
        }

        await this.StopReminderAsync(FollowUpReminder.Name);
    }

    private async Task InterviewReminderFiredAsync(int minutes)
    {
        if (_notifications is not null && S.Status == RequestStatus.Booked && S.AnnouncedSlot is { } slot
            && (S.Spec!.Reminders ?? ReminderPlanner.DefaultMinutes).Contains(minutes))
        {
            var decision = ReminderPlanner.OnFired(slot.Start, _time.GetUtcNow());
            AddNotice(NotificationKind.Reminder, NoticeAudience.Attendees, S.NotifySequence, slot, null, reminderMinutes: minutes,
                skipReason: decision == ReminderDecision.SendNow ? null : "fired after the start");
            await _store.SaveWorkAsync();
            await StartWorkAsync();
        }

        await this.StopReminderAsync(ReminderPlanner.NameOf(minutes));
    }

    /// <summary>Plans the interview reminders if needed, then hands every pending notice to the outbox, each removed (and written) once accepted.</summary>
    private async Task FlushNotificationsAsync()
    {
        if (_notifications is null || S.Spec is null)
        {
            return;
        }

        if (S.ReplanReminders)
        {
            await PlanRemindersAsync();
            S.ReplanReminders = false;
            await _store.SaveWorkAsync();
        }

        if (S.NoticesToSend.Count == 0)
        {
            return;
        }

        var outbox = GrainFactory.GetGrain<INotificationOutboxGrain>(this.GetPrimaryKeyString());
        while (S.NoticesToSend.Count > 0 && !AwaitsConferenceLinks(S.NoticesToSend[0]))
        {
            var notice = S.NoticesToSend[0];
            var notification = await NoticeBuilder.BuildAsync(GrainFactory, Tenant, S.Spec, notice);
            if (notification.Recipients.Count > 0)
            {
                if (notice.SkipReason is { } skip)
                {
                    await outbox.RecordSkipped(notification, skip);
                }
                else
                {
                    await outbox.Enqueue(notification);
                }
            }

            S.NoticesToSend.RemoveAt(0);
            await _store.SaveWorkAsync();
        }
    }

    /// <summary>
    /// Whether a notice still waits for video meeting links: its wait has not run out, a hosted stage of it has no link
    /// yet, and the interview was not announced again after it (a reschedule, update or cancellation is never held back by it;
    /// the reminders planned with it wait with it, and carry the links too).
    /// </summary>
    private bool AwaitsConferenceLinks(PendingNotice notice) =>
        notice.AwaitLinksUntil is { } until && until > _time.GetUtcNow()
        && !S.NoticesToSend.Skip(1).Any(n => n.Kind is NotificationKind.Booked or NotificationKind.Rescheduled or NotificationKind.Updated or NotificationKind.Cancelled)
        && S.ConferenceStarts.Any(start => notice.Stages.Exists(s => s.Start == start && s.ConferenceUrl is null));

    private async Task PlanRemindersAsync()
    {
        var offsets = S.Spec!.Reminders ?? ReminderPlanner.DefaultMinutes;
        if (S.Status != RequestStatus.Booked || S.AnnouncedSlot is not { } slot)
        {
            foreach (var name in ReminderPlanner.ReminderNames(offsets))
            {
                await this.StopReminderAsync(name);
            }

            await this.StopReminderAsync(FollowUpReminder.Name);
            return;
        }

        var now = _time.GetUtcNow();
        var followUp = await GrainFactory.GetGrain<INotificationSettingsGrain>(Tenant).GetFollowUpPlan();
        var followUpDue = FollowUpReminder.DueAt(slot.End, followUp.DelayMinutes) - now;
        await this.RegisterOneShotReminder(FollowUpReminder.Name, followUpDue);

        foreach (var planned in ReminderPlanner.Plan(slot.Start, offsets, now))
        {
            if (planned.Decision == ReminderDecision.Register)
            {
                await this.RegisterOneShotReminder(planned.ReminderName, planned.DueAt - now);
                continue;
            }

            await this.StopReminderAsync(planned.ReminderName);
            AddNotice(NotificationKind.Reminder, NoticeAudience.Attendees, S.NotifySequence, slot, null, reminderMinutes: planned.MinutesBefore,
                skipReason: planned.Decision == ReminderDecision.SendNow ? null : "late");
        }
    }
}
