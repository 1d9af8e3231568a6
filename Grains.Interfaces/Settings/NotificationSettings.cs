namespace Scheduler.Grains.Settings;

/// <summary>
/// A tenant's notification settings (<see cref="INotificationSettingsGrain"/>): the follow-ups after an interview.
/// A tenant that never stored settings gets the defaults below.
/// </summary>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.NotificationSettings")]
public sealed record NotificationSettings
{
    /// <summary>The longest accepted <see cref="FollowUpDelayMinutes"/>: 7 days, in minutes.</summary>
    public const int MaxFollowUpDelayMinutes = 7 * 24 * 60;

    /// <summary>The longest accepted <see cref="ThankYouNextSteps"/>, in characters.</summary>
    public const int MaxNextStepsLength = 2000;

    /// <summary>Whether interviewers are reminded to submit feedback after the interview. Default <see langword="true"/>.</summary>
    [Id(0)]
    public bool FeedbackReminder { get; init; } = true;

    /// <summary>
    /// Minutes after the end of the interview at which the follow-ups go out, 0–<see cref="MaxFollowUpDelayMinutes"/>;
    /// <see langword="null"/> uses the host's <c>Notifications:FollowUp:DelayMinutes</c> (default 60).
    /// </summary>
    [Id(1)]
    public int? FollowUpDelayMinutes { get; init; }

    /// <summary>Whether the candidate gets a thank-you / next-steps email after the interview. Default <see langword="false"/>.</summary>
    [Id(2)]
    public bool CandidateThankYou { get; init; }

    /// <summary>The next steps told to the candidate in the thank-you message, plain text, at most <see cref="MaxNextStepsLength"/> characters; <see langword="null"/> for the standard wording.</summary>
    [Id(3)]
    public string? ThankYouNextSteps { get; init; }

    /// <summary>When the settings were last stored (UTC); <see langword="null"/> while the defaults apply.</summary>
    [Id(4)]
    public DateTimeOffset? UpdatedAt { get; init; }
}
