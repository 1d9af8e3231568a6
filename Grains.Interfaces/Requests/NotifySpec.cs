namespace Scheduler.Grains;

/// <summary>Which channels a request notifies on.</summary>
/// <param name="Email">Send email (with calendar invites).</param>
/// <param name="Slack">Send Slack messages.</param>
public sealed record NotifySpec(bool Email = true, bool Slack = false)
{
    /// <summary>The recruiter's email address for recruiter notifications (proposals ready, no availability, conflict flagged); optional.</summary>
    public string? RecruiterEmail { get; init; }

    /// <summary>The recruiter Slack channel id for recruiter notifications; optional.</summary>
    public string? RecruiterSlackChannel { get; init; }
}
