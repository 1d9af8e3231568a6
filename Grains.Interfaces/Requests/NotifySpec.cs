namespace Scheduler.Grains.Requests;

/// <summary>Which channels a request notifies on.</summary>
/// <param name="Email">Send email (with calendar invites).</param>
/// <param name="Slack">Send Slack messages.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.NotifySpec")]
public sealed record NotifySpec([property: Id(0)] bool Email = true, [property: Id(1)] bool Slack = false)
{
    /// <summary>The recruiter's email address for recruiter notifications (proposals ready, no availability, conflict flagged); optional.</summary>
    [Id(2)]
    public string? RecruiterEmail { get; init; }

    /// <summary>The recruiter Slack channel id for recruiter notifications; optional.</summary>
    [Id(3)]
    public string? RecruiterSlackChannel { get; init; }
}
