using Scheduler.Grains.Notifications;

namespace Scheduler.Grains.Requests;

/// <summary>Turns a <see cref="PendingNotice"/> into an <see cref="InterviewNotification"/> with recipients from participant profiles.</summary>
internal static class NoticeBuilder
{
    /// <summary>The recipient id of the recruiter (channel and/or email of the request's <c>notify</c>).</summary>
    public const string RecruiterId = "recruiter";

    /// <summary>Builds the notification; its recipient list is empty when nobody can be reached.</summary>
    public static async Task<InterviewNotification> BuildAsync(IGrainFactory grains, string tenant, InterviewRequestSpec spec, PendingNotice notice)
    {
        var candidate = await grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, spec.CandidateId)).GetProfile();
        var recipients = new List<NotificationRecipient>();
        if (notice.Audience is NoticeAudience.Attendees or NoticeAudience.CandidateAndRecruiter or NoticeAudience.Candidate)
        {
            AddPerson(recipients, spec, spec.CandidateId, candidate, RecipientRole.Candidate);
        }

        if (notice.Audience is NoticeAudience.Attendees or NoticeAudience.Interviewers)
        {
            foreach (var id in notice.Stages.SelectMany(s => s.InterviewerIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var profile = await grains.GetGrain<IParticipantGrain>(GrainKeys.For(tenant, id)).GetProfile();
                AddPerson(recipients, spec, id, profile, RecipientRole.Interviewer);
            }
        }

        if (notice.Audience is NoticeAudience.Recruiter or NoticeAudience.CandidateAndRecruiter)
        {
            var email = spec.Notify.Email ? Blank(spec.Notify.RecruiterEmail) : null;
            var slack = spec.Notify.Slack ? Blank(spec.Notify.RecruiterSlackChannel) : null;
            if (email is not null || slack is not null)
            {
                recipients.Add(new NotificationRecipient(RecruiterId, "Recruiting", RecipientRole.Recruiter, "UTC", email, slack));
            }
        }

        return new InterviewNotification
        {
            Kind = notice.Kind,
            Sequence = notice.Sequence,
            Title = Title(candidate?.DisplayName ?? spec.CandidateId, notice.Stages.Count > 0 ? notice.Stages.Select(s => s.Name) : spec.Stages.Select(s => s.Name)),
            Slot = notice.Slot,
            PreviousSlot = notice.PreviousSlot,
            Proposals = [.. notice.Proposals],
            ProposalIds = [.. notice.ProposalIds],
            Reason = notice.Reason,
            Note = notice.Note,
            ReminderMinutes = notice.ReminderMinutes,
            Recipients = recipients,
            Url = ShowsMeeting(notice.Kind) ? MeetingUrl(notice.Stages) : null,
            Location = ShowsMeeting(notice.Kind) ? MeetingList(notice.Stages) : null,
        };
    }

    /// <summary>Whether a kind of notice tells attendees how to join: the booking, its moves and updates, and the reminders.</summary>
    private static bool ShowsMeeting(NotificationKind kind) =>
        kind is NotificationKind.Booked or NotificationKind.Rescheduled or NotificationKind.Updated or NotificationKind.Reminder;

    /// <summary>The video meeting link of a one-stage interview, or <see langword="null"/> (none yet, or several stages).</summary>
    private static string? MeetingUrl(IReadOnlyList<ScheduledStageView> stages) => stages is [{ ConferenceUrl: { } url }] ? url : null;

    /// <summary>For an interview of several stages, each stage's video meeting link as <c>name: url</c>, joined by <c>"; "</c>; otherwise <see langword="null"/>.</summary>
    private static string? MeetingList(IReadOnlyList<ScheduledStageView> stages) =>
        stages.Count > 1 && stages.Any(s => s.ConferenceUrl is not null)
            ? string.Join("; ", stages.Where(s => s.ConferenceUrl is not null).Select(s => $"{s.Name}: {s.ConferenceUrl}"))
            : null;

    /// <summary>The interview title, e.g. "Interview: Ada Lovelace – screen".</summary>
    public static string Title(string candidateName, IEnumerable<string> stageNames) =>
        $"Interview: {candidateName} – {string.Join(", ", stageNames)}";

    /// <summary>The span of a set of stages.</summary>
    public static TimeRange SlotOf(IReadOnlyList<ScheduledStageView> stages) => new(stages[0].Start, stages[^1].End);

    private static void AddPerson(List<NotificationRecipient> recipients, InterviewRequestSpec spec, string id, ParticipantProfile? profile, RecipientRole role)
    {
        if (profile is null)
        {
            return;
        }

        var email = spec.Notify.Email ? Blank(profile.Email) : null;
        var slack = spec.Notify.Slack ? Blank(profile.SlackUserId) : null;
        if (email is not null || slack is not null)
        {
            recipients.Add(new NotificationRecipient(id, profile.DisplayName, role, profile.TimeZone, email, slack));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
