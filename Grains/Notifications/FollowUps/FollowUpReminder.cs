using Scheduler.Grains.Settings;

namespace Scheduler.Grains.Notifications.FollowUps;

/// <summary>
/// The durable reminder that sends an interview's follow-ups (feedback reminder to the interviewers, optional
/// thank-you to the candidate): one per request, due <see cref="FollowUpPlan.DelayMinutes"/> after the end of the
/// booked interview. Registering it again under the same name moves it (reschedule).
/// </summary>
public static class FollowUpReminder
{
    /// <summary>The reminder name.</summary>
    public const string Name = "notify-followup";

    /// <summary>When the follow-ups are due.</summary>
    /// <param name="end">The end of the interview (UTC instant).</param>
    /// <param name="delayMinutes">Minutes after the end, 0 or more.</param>
    /// <returns>The due instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delayMinutes"/> is negative.</exception>
    public static DateTimeOffset DueAt(DateTimeOffset end, int delayMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delayMinutes);
        return end.AddMinutes(delayMinutes);
    }
}
