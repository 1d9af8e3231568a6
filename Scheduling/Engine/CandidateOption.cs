namespace Scheduler.Scheduling.Engine;

/// <summary>A feasible placement found by the search, before it is turned into a public <see cref="ScheduleOption"/>.</summary>
internal sealed class CandidateOption
{
    public CandidateOption(Instant[] starts, EngineParticipant[][] interviewers)
    {
        Starts = starts;
        Interviewers = interviewers;
    }

    /// <summary>Start of each stage (UTC).</summary>
    public Instant[] Starts { get; }

    /// <summary>Interviewers of each stage: panel, then pool members chosen on base availability.</summary>
    public EngineParticipant[][] Interviewers { get; }

    public double Score { get; set; }

    /// <summary>Candidate-local day number of the first start, used to spread proposals across days.</summary>
    public int Day { get; set; }

    public Instant Start => Starts[0];
}
