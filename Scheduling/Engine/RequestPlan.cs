namespace Scheduler.Scheduling.Engine;

/// <summary>A validated request with every participant resolved and every stage's feasible time computed.</summary>
internal sealed class RequestPlan
{
    private RequestPlan(SchedulingRequest request, EngineParticipant candidate, TimeInterval search, IntervalSet candidateAvailable, IntervalSet candidatePreferred, StagePlan[] stages, Instant now)
    {
        Request = request;
        Candidate = candidate;
        Search = search;
        CandidateAvailable = candidateAvailable;
        CandidatePreferred = candidatePreferred;
        Stages = stages;
        Now = now;
        Granularity = Duration.FromMinutes(request.SlotGranularityMinutes);
        MinGap = Duration.FromMinutes(request.Sequencing.MinGapMinutes);
        MaxGap = Duration.FromMinutes(request.Sequencing.MaxGapMinutes);
    }

    public SchedulingRequest Request { get; }

    public EngineParticipant Candidate { get; }

    /// <summary>The request window cut to start no earlier than now + minimum notice.</summary>
    public TimeInterval Search { get; }

    /// <summary>Candidate's free working time in the search range (restricted to preferred times when those are required).</summary>
    public IntervalSet CandidateAvailable { get; }

    /// <summary>Candidate's preferred times in the search range (scoring).</summary>
    public IntervalSet CandidatePreferred { get; }

    public StagePlan[] Stages { get; }

    public Instant Now { get; }

    public Duration Granularity { get; }

    public Duration MinGap { get; }

    public Duration MaxGap { get; }

    /// <summary>Everyone who attends an option, stage by stage: the candidate, then the stage's interviewers, each with the stage's interval.</summary>
    /// <param name="starts">Start of each stage (UTC).</param>
    /// <param name="people">Interviewers of each stage.</param>
    /// <returns>One attendance per person and stage.</returns>
    public IEnumerable<(EngineParticipant Participant, TimeInterval Interval, bool IsCandidate)> Attendances(Instant[] starts, EngineParticipant[][] people)
    {
        for (var s = 0; s < starts.Length; s++)
        {
            var interval = TimeInterval.FromStart(starts[s], Stages[s].Length);
            yield return (Candidate, interval, true);
            foreach (var p in people[s])
            {
                yield return (p, interval, false);
            }
        }
    }

    /// <summary>Validates <paramref name="request"/> and resolves its participants.</summary>
    /// <exception cref="ArgumentException">The request is malformed or names a participant <paramref name="lookup"/> does not know.</exception>
    public static RequestPlan Create(SchedulingRequest request, Func<string, EngineParticipant?> lookup, Instant now)
    {
        Validate(request);
        var search = SchedulingEngine.SearchRange(request, now);

        var candidate = Resolve(lookup, request.CandidateId, "candidate");
        var candidatePreferred = request.CandidatePreferredTimes.Count == 0
            ? IntervalSet.Empty
            : WorkingHours.Materialize(candidate.Zone, request.CandidatePreferredTimes, [], search);
        var candidateAvailable = candidate.Free.Clip(search);
        if (request.CandidatePreferredTimesRequired && request.CandidatePreferredTimes.Count > 0)
        {
            candidateAvailable = candidateAvailable.Intersect(candidatePreferred);
        }

        var fairnessFrom = now - Duration.FromDays(request.PoolFairnessWindowDays);
        var stages = new StagePlan[request.Stages.Count];
        for (var i = 0; i < stages.Length; i++)
        {
            var stage = request.Stages[i];
            var panel = new EngineParticipant[stage.InterviewerIds.Count];
            var feasible = candidateAvailable;
            for (var p = 0; p < panel.Length; p++)
            {
                panel[p] = Resolve(lookup, stage.InterviewerIds[p], $"interviewer of stage '{stage.Name}'");
                feasible = feasible.Intersect(panel[p].Available);
            }

            var pools = new PoolPlan[stage.Pools.Count];
            for (var p = 0; p < pools.Length; p++)
            {
                pools[p] = RankPool(stage.Pools[p], lookup, fairnessFrom, now);
            }

            stages[i] = new StagePlan(i, stage, panel, pools, feasible.WithMinimumLength(Duration.FromMinutes(stage.DurationMinutes)));
        }

        return new RequestPlan(request, candidate, search, candidateAvailable, candidatePreferred, stages, now);
    }

    private static PoolPlan RankPool(PoolRequirement pool, Func<string, EngineParticipant?> lookup, Instant from, Instant now)
    {
        // Least loaded first; equal loads in id order.
        var ranked = pool.MemberIds
            .Select(id => Resolve(lookup, id, $"member of pool '{pool.PoolId}'"))
            .Select(member => (Member: member, Load: member.BookingsBetween(from, now)))
            .OrderBy(m => m.Load)
            .ThenBy(m => m.Member.Id, StringComparer.Ordinal)
            .ToArray();
        return new PoolPlan(pool, [.. ranked.Select(m => m.Member)], [.. ranked.Select(m => m.Load)]);
    }

    private static EngineParticipant Resolve(Func<string, EngineParticipant?> lookup, string id, string role) =>
        lookup(id) ?? throw new ArgumentException($"No availability input was supplied for participant '{id}' ({role}).", nameof(lookup));

    private static void Validate(SchedulingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.CandidateId, nameof(request.CandidateId));
        ArgumentNullException.ThrowIfNull(request.Stages);
        if (request.Stages.Count == 0)
        {
            throw new ArgumentException("A request needs at least one stage.", nameof(request));
        }

        Guard.NotNegative(request.MinimumNoticeMinutes, nameof(request.MinimumNoticeMinutes));
        Guard.Granularity(request.SlotGranularityMinutes, nameof(request.SlotGranularityMinutes));
        if (request.MaxProposals < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.MaxProposals, "MaxProposals must be at least 1.");
        }

        if (request.PoolFairnessWindowDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.PoolFairnessWindowDays, "PoolFairnessWindowDays must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(request.Sequencing);
        Guard.NotNegative(request.Sequencing.MinGapMinutes, nameof(request.Sequencing.MinGapMinutes));
        if (request.Sequencing.MaxGapMinutes < request.Sequencing.MinGapMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Sequencing.MaxGapMinutes, "MaxGapMinutes must not be less than MinGapMinutes.");
        }

        foreach (var stage in request.Stages)
        {
            ArgumentNullException.ThrowIfNull(stage);
            Guard.Duration(stage.DurationMinutes, nameof(stage.DurationMinutes));
            ArgumentNullException.ThrowIfNull(stage.InterviewerIds);
            ArgumentNullException.ThrowIfNull(stage.Pools);
            foreach (var pool in stage.Pools)
            {
                ArgumentNullException.ThrowIfNull(pool.MemberIds);
                if (pool.Count < 1 || pool.Count > pool.MemberIds.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(request), pool.Count, $"Pool '{pool.PoolId}' must require between 1 and {pool.MemberIds.Count} members.");
                }
            }
        }
    }
}
