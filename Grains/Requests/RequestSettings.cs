namespace Scheduler.Grains.Requests;

/// <summary>Constants of the negotiation (see docs/WORKFLOW.md).</summary>
internal static class RequestSettings
{
    /// <summary>How long a hold lives unless confirmed.</summary>
    public static readonly TimeSpan HoldTtl = TimeSpan.FromMinutes(2);

    /// <summary>The period of the durable reminder that resumes unfinished work; longer than <see cref="HoldTtl"/> so a resumed booking never races its own stale holds.</summary>
    public static readonly TimeSpan ResumePeriod = TimeSpan.FromMinutes(3);

    /// <summary>Fresh fan-outs tried before giving up with <c>takenByOtherRequests</c>.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Options tried per fan-out in auto-book mode.</summary>
    public const int OptionsPerAttempt = 10;

    /// <summary>How long a batch request waits for its planner's hint before negotiating on its own.</summary>
    public static readonly TimeSpan PlanWait = TimeSpan.FromSeconds(10);

    public const string ProcessReminder = "process";

    public const string CompleteReminder = "complete";
}
