namespace Scheduler.Grains.Requests;

/// <summary>Who a pending notice of a request goes to.</summary>
public enum NoticeAudience
{
    /// <summary>The candidate and every interviewer of the booking.</summary>
    Attendees,

    /// <summary>The candidate and the recruiter (proposals ready).</summary>
    CandidateAndRecruiter,

    /// <summary>The recruiter only (no availability, conflict flagged).</summary>
    Recruiter,

    /// <summary>Every interviewer of the booking (feedback reminder).</summary>
    Interviewers,

    /// <summary>The candidate only (thank-you).</summary>
    Candidate,
}
