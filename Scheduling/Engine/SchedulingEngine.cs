namespace Scheduler.Scheduling.Engine;

/// <summary>
/// The scheduling engine for one request (DESIGN.md §4). Pure: it reads only its arguments (time comes in as
/// <c>now</c>), has no I/O, and returns the same result for the same inputs.
/// </summary>
public static class SchedulingEngine
{
    /// <summary>
    /// Finds the best options for <paramref name="request"/>: every stage inside every attendee's working hours
    /// (in their own zone) and clear of their busy time widened by their buffers, first-stage starts on the
    /// candidate-local grid, after now + minimum notice and inside the window, panels complete, pools filled
    /// fairly, caps respected, loop gaps in bounds; then ranked by soft preferences and spread across days.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="participants">Inputs for the candidate and everyone the request names (extra entries are ignored).</param>
    /// <param name="now">The current instant (UTC), for minimum notice and pool fairness.</param>
    /// <returns>Up to <see cref="SchedulingRequest.MaxProposals"/> options, or a diagnosis naming the constraint that emptied the result.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The request is malformed, names a participant without input, or two inputs share an id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number in the request or an input is out of its documented range.</exception>
    public static SchedulingResult Schedule(SchedulingRequest request, IReadOnlyCollection<ParticipantAvailabilityInput> participants, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(participants);
        var byId = Index(participants);
        var plan = RequestPlan.Create(request, Participants(byId, SearchRange(request, now)), now);
        return Schedule(plan, request.MaxProposals);
    }

    /// <summary>Indexes inputs by participant id.</summary>
    internal static Dictionary<string, ParticipantAvailabilityInput> Index(IReadOnlyCollection<ParticipantAvailabilityInput> participants)
    {
        var byId = new Dictionary<string, ParticipantAvailabilityInput>(participants.Count, StringComparer.Ordinal);
        foreach (var p in participants)
        {
            ArgumentNullException.ThrowIfNull(p);
            if (!byId.TryAdd(p.ParticipantId, p))
            {
                throw new ArgumentException($"Two availability inputs have the id '{p.ParticipantId}'.", nameof(participants));
            }
        }

        return byId;
    }

    /// <summary>Looks participants up by id, each input evaluated over <paramref name="range"/> once, on first use; <see langword="null"/> for an unknown id.</summary>
    internal static Func<string, EngineParticipant?> Participants(Dictionary<string, ParticipantAvailabilityInput> byId, TimeInterval range)
    {
        var states = new Dictionary<string, EngineParticipant>(StringComparer.Ordinal);
        return id => states.TryGetValue(id, out var state) ? state
            : byId.TryGetValue(id, out var input) ? states[id] = new EngineParticipant(input, range)
            : null;
    }

    /// <summary>The window after minimum notice (possibly empty).</summary>
    internal static TimeInterval SearchRange(SchedulingRequest request, Instant now)
    {
        var notice = now + Duration.FromMinutes(Math.Max(0, request.MinimumNoticeMinutes));
        var start = request.Window.Start > notice ? request.Window.Start : notice;
        return start < request.Window.End ? new TimeInterval(start, request.Window.End) : new TimeInterval(request.Window.End, request.Window.End);
    }

    internal static SchedulingResult Schedule(RequestPlan plan, int maxProposals)
    {
        var options = Rank(plan);
        if (options.Count == 0)
        {
            return SchedulingResult.None(Diagnostics.Diagnose(plan));
        }

        var chosen = ProposalSelector.Select(options, maxProposals, plan.Candidate.Zone);
        var result = new ScheduleOption[chosen.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ToPublic(plan, chosen[i].Starts, chosen[i].Interviewers);
        }

        return SchedulingResult.Found(result);
    }

    /// <summary>All feasible options of the plan, scored.</summary>
    internal static List<CandidateOption> Rank(RequestPlan plan)
    {
        var options = OptionSearch.Enumerate(plan);
        foreach (var option in options)
        {
            option.Score = OptionScorer.Score(plan, option.Starts, option.Interviewers, null);
        }

        return options;
    }

    internal static ScheduleOption ToPublic(RequestPlan plan, Instant[] starts, EngineParticipant[][] people)
    {
        var reasons = new List<ScoreReason>();
        var score = OptionScorer.Score(plan, starts, people, reasons);
        var stages = new ScheduledStage[starts.Length];
        for (var s = 0; s < stages.Length; s++)
        {
            var ids = new string[people[s].Length];
            for (var p = 0; p < ids.Length; p++)
            {
                ids[p] = people[s][p].Id;
            }

            stages[s] = new ScheduledStage(plan.Stages[s].Name, starts[s], starts[s] + plan.Stages[s].Length, ids);
        }

        return new ScheduleOption(score, reasons, stages);
    }
}
