namespace Scheduler.Grains.Requests;

/// <summary>
/// Checks a batch planner's hint. A hint is only a suggestion: it is tried first, through the same
/// holds as every other option, and only when it has the request's own shape.
/// </summary>
internal static class BatchHint
{
    /// <summary>Whether <paramref name="stages"/> has the request's stages (names, durations, named interviewers) inside its window.</summary>
    public static bool Fits(InterviewRequestSpec spec, TimeRange window, IReadOnlyList<ScheduledStageView> stages)
    {
        if (stages.Count != spec.Stages.Count)
        {
            return false;
        }

        for (var i = 0; i < stages.Count; i++)
        {
            var planned = stages[i];
            var wanted = spec.Stages[i];
            if (planned.Name != wanted.Name
                || planned.End - planned.Start != TimeSpan.FromMinutes(wanted.DurationMinutes)
                || planned.Start < window.Start || planned.End > window.End
                || !wanted.InterviewerIds.All(id => planned.InterviewerIds.Contains(id, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
