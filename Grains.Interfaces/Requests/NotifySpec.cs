namespace Scheduler.Grains;

/// <summary>Which channels a request notifies on.</summary>
/// <param name="Email">Send email (with calendar invites).</param>
/// <param name="Slack">Send Slack messages.</param>
public sealed record NotifySpec(bool Email = true, bool Slack = false);
