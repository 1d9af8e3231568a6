namespace Scheduler.Gateway.InterviewRequests;

/// <summary>Notification channels.</summary>
public sealed record NotifyBody
{
    /// <summary>Send email with calendar invites; default <see langword="true"/>.</summary>
    public bool? Email { get; init; }

    /// <summary>Send Slack messages; default <see langword="false"/>.</summary>
    public bool? Slack { get; init; }

    /// <summary>The recruiter's email address for recruiter notifications (proposals ready, no availability, conflict flagged); optional, at most 254 characters.</summary>
    public string? RecruiterEmail { get; init; }

    /// <summary>The recruiter's Slack channel id (for example <c>C0123ABCD</c>) for recruiter notifications; optional.</summary>
    public string? RecruiterSlackChannel { get; init; }
}
