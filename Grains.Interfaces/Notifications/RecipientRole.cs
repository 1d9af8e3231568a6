namespace Scheduler.Grains.Notifications;

/// <summary>The part a recipient plays in an interview; selects wording and invite role.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.RecipientRole")]
public enum RecipientRole
{
    /// <summary>The candidate.</summary>
    Candidate,

    /// <summary>An interviewer.</summary>
    Interviewer,

    /// <summary>The recruiter or coordinator who owns the request (not an attendee).</summary>
    Recruiter,
}
