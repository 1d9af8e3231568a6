namespace Scheduler.Grains.Prep;

/// <summary>The durable state of a <see cref="PrepPlanGrain"/>.</summary>
[GenerateSerializer, Alias("Scheduler.Grains.Prep.PrepPlanState")]
public sealed class PrepPlanState
{
    /// <summary>The settings the plan follows the interview with; <see langword="null"/> before the first plan and after a delete.</summary>
    [Id(0)]
    public PrepSpec? Settings { get; set; }

    /// <summary>Whether a caller deleted the plan: the request's own <c>prep</c> settings then no longer plan it again.</summary>
    [Id(1)]
    public bool Deleted { get; set; }

    /// <summary>The current plan; <see langword="null"/> when there is none.</summary>
    [Id(2)]
    public PrepPlanView? Plan { get; set; }

    /// <summary>The blocks last written to the candidate's connected calendars (empty when none are there).</summary>
    [Id(3)]
    public List<TimeRange> CalendarBlocks { get; set; } = [];

    /// <summary>The blocks of the last emailed calendar file, whose UIDs the candidate's calendar may hold (empty when none, or all withdrawn).</summary>
    [Id(4)]
    public List<TimeRange> EmailedBlocks { get; set; } = [];

    /// <summary>How many prep emails were handed to the outbox: the next one's <c>SEQUENCE</c> and outbox sequence.</summary>
    [Id(5)]
    public int EmailsSent { get; set; }
}
