namespace Scheduler.Gateway.InterviewRequests;

/// <summary>Notification channels.</summary>
public sealed record NotifyBody
{
    /// <summary>Send email with calendar invites; default <see langword="true"/>.</summary>
    public bool? Email { get; init; }

    /// <summary>Send Slack messages; default <see langword="false"/>.</summary>
    public bool? Slack { get; init; }
}
