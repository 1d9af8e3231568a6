namespace Scheduler.Scheduling.Engine;

/// <summary>A stage of a request with its participants resolved and its feasible time computed.</summary>
internal sealed class StagePlan
{
    public StagePlan(int index, StageRequest request, EngineParticipant[] panel, PoolPlan[] pools, IntervalSet feasible)
    {
        Index = index;
        Request = request;
        Length = Duration.FromMinutes(request.DurationMinutes);
        Panel = panel;
        Pools = pools;
        Feasible = feasible;
    }

    public int Index { get; }

    public StageRequest Request { get; }

    public string Name => Request.Name;

    public Duration Length { get; }

    /// <summary>Interviewers who attend every minute, in request order.</summary>
    public EngineParticipant[] Panel { get; }

    public PoolPlan[] Pools { get; }

    /// <summary>Time (within the search range) when the candidate and every panel interviewer can interview.</summary>
    public IntervalSet Feasible { get; }

    public bool HasPools => Pools.Length > 0;
}
