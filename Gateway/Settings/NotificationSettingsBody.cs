namespace Scheduler.Gateway.Settings;

/// <summary>The body of <c>PUT /v1/settings/notifications</c>: replaces the tenant's settings; an omitted field takes its default.</summary>
public sealed record NotificationSettingsBody
{
    /// <summary>Remind interviewers to submit feedback after the interview. Default <see langword="true"/>.</summary>
    public bool? FeedbackReminder { get; init; }

    /// <summary>Minutes after the interview's end at which follow-ups go out, 0–10080; omitted or <see langword="null"/> uses the host default (<c>Notifications:FollowUp:DelayMinutes</c>, 60).</summary>
    public int? FollowUpDelayMinutes { get; init; }

    /// <summary>Send the candidate a thank-you / next-steps email after the interview. Default <see langword="false"/>.</summary>
    public bool? CandidateThankYou { get; init; }

    /// <summary>The next steps told to the candidate, plain text, at most 2,000 characters; omitted for the standard wording.</summary>
    public string? ThankYouNextSteps { get; init; }
}
