using Scheduler.Grains.Settings;

namespace Scheduler.Gateway.Settings;

/// <summary>A tenant's notification settings as returned by <c>/v1/settings/notifications</c>.</summary>
/// <param name="FeedbackReminder">Whether interviewers are reminded to submit feedback.</param>
/// <param name="FollowUpDelayMinutes">The tenant's delay in minutes after the interview's end, or <see langword="null"/> when the host default applies.</param>
/// <param name="EffectiveFollowUpDelayMinutes">The delay in minutes that applies now.</param>
/// <param name="CandidateThankYou">Whether the candidate gets a thank-you / next-steps email.</param>
/// <param name="ThankYouNextSteps">The tenant's next-steps text, or <see langword="null"/> for the standard wording.</param>
/// <param name="UpdatedAt">When the settings were last stored (UTC); <see langword="null"/> while the defaults apply.</param>
public sealed record NotificationSettingsResponse(
    bool FeedbackReminder,
    int? FollowUpDelayMinutes,
    int EffectiveFollowUpDelayMinutes,
    bool CandidateThankYou,
    string? ThankYouNextSteps,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Builds the response.</summary>
    /// <param name="settings">The stored settings.</param>
    /// <param name="plan">The follow-up plan (for the effective delay).</param>
    /// <returns>The response.</returns>
    public static NotificationSettingsResponse From(NotificationSettings settings, FollowUpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        return new(settings.FeedbackReminder, settings.FollowUpDelayMinutes, plan.DelayMinutes, settings.CandidateThankYou, settings.ThankYouNextSteps, settings.UpdatedAt);
    }
}
