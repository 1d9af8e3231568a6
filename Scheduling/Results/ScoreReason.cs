namespace Scheduler.Scheduling.Results;

/// <summary>One contribution to an option's score.</summary>
/// <param name="Code">A stable machine-readable code: <c>candidatePreferredTime</c>, <c>interviewerPreferredTime</c>, <c>early</c>, <c>backToBack</c>, <c>fragmentsFreeTime</c>, <c>packing</c> or <c>learnedPreference</c>.</param>
/// <param name="Points">The points added (negative for a penalty).</param>
/// <param name="Description">A human-readable explanation naming whom it concerns.</param>
public sealed record ScoreReason(string Code, double Points, string Description);
