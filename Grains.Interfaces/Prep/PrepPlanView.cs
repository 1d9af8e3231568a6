namespace Scheduler.Grains.Prep;

/// <summary>A candidate's prep plan for one booked interview (DESIGN.md §4).</summary>
/// <param name="RequestId">The interview request id (without tenant).</param>
/// <param name="Interview">The interview it is planned for.</param>
/// <param name="Settings">The settings it was planned with.</param>
/// <param name="Blocks">The prep blocks (UTC), in order: free working time of the candidate, front-loaded, none in the rest period.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.Prep.PrepPlanView")]
public sealed record PrepPlanView([property: Id(0)] string RequestId, [property: Id(1)] PrepInterview Interview, [property: Id(2)] PrepSpec Settings, [property: Id(3)] IReadOnlyList<TimeRange> Blocks)
{
    /// <summary>The prep time asked for, minutes (<see cref="PrepSpec.TotalHours"/> × 60).</summary>
    [Id(4)]
    public int RequestedMinutes { get; init; }

    /// <summary>The total of <see cref="Blocks"/>, minutes; never more than requested.</summary>
    [Id(5)]
    public int PlannedMinutes { get; init; }

    /// <summary>Requested minus planned minutes; 0 when everything fitted.</summary>
    [Id(6)]
    public int ShortfallMinutes { get; init; }

    /// <summary>Why the plan falls short (empty when it does not).</summary>
    [Id(7)]
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>When it was planned (UTC).</summary>
    [Id(8)]
    public DateTimeOffset PlannedAt { get; init; }

    /// <summary>Where the blocks were added.</summary>
    [Id(9)]
    public PrepDelivery Delivery { get; init; }

    /// <summary>What happened to the blocks when <see cref="PrepSpec.AddToCalendar"/> was asked for (where they went, or why nowhere); <see langword="null"/> otherwise.</summary>
    [Id(10)]
    public string? DeliveryNote { get; init; }
}
