namespace Scheduler.Grains.Settings;

/// <summary>The follow-ups of one interview as a tenant's settings and the host's defaults decide them.</summary>
/// <param name="FeedbackReminder">Whether interviewers are asked for feedback.</param>
/// <param name="DelayMinutes">Minutes after the interview's end at which the follow-ups go out (0 or more).</param>
/// <param name="CandidateThankYou">Whether the candidate gets a thank-you / next-steps message.</param>
/// <param name="ThankYouNextSteps">The tenant's next-steps text, or <see langword="null"/> for the standard wording.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.FollowUpPlan")]
public sealed record FollowUpPlan([property: Id(0)] bool FeedbackReminder, [property: Id(1)] int DelayMinutes, [property: Id(2)] bool CandidateThankYou, [property: Id(3)] string? ThankYouNextSteps);
