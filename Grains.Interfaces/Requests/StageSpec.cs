namespace Scheduler.Grains.Requests;

/// <summary>One stage of an interview (a single interview or one step of a loop).</summary>
/// <param name="Name">The stage name, unique within the request.</param>
/// <param name="DurationMinutes">Length in minutes, 1–480.</param>
/// <param name="InterviewerIds">Participant ids who all attend (a panel); may be empty when pools are given.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.StageSpec")]
public sealed record StageSpec([property: Id(0)] string Name, [property: Id(1)] int DurationMinutes, [property: Id(2)] IReadOnlyList<string> InterviewerIds)
{
    /// <summary>Pool requirements added to the panel.</summary>
    [Id(3)]
    public IReadOnlyList<PoolSlotSpec> Pools { get; init; } = [];
}
