using System.ComponentModel.DataAnnotations;
using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Notifications.FollowUps;

/// <summary>Host defaults of the follow-ups after an interview, bound to <c>Notifications:FollowUp</c>; a tenant's <see cref="NotificationSettings"/> override them.</summary>
public sealed class FollowUpOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Notifications:FollowUp";

    /// <summary>Minutes after the end of an interview at which the follow-ups go out, 0–10080 (7 days). Default 60.</summary>
    [Range(0, 10080)]
    public int DelayMinutes { get; set; } = 60;
}
