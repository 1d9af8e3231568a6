namespace Scheduler.Grains.Requests;

/// <summary>How the stages of a loop are sequenced.</summary>
/// <param name="SameDay">Whether all stages fall on one local day of the candidate.</param>
/// <param name="MinGapMinutes">Least gap between stages, minutes, 0 or more.</param>
/// <param name="MaxGapMinutes">Largest gap between stages, minutes, at least <paramref name="MinGapMinutes"/>.</param>
[GenerateSerializer, Immutable, Alias("Scheduler.Grains.SequencingSpec")]
public sealed record SequencingSpec([property: Id(0)] bool SameDay = true, [property: Id(1)] int MinGapMinutes = 0, [property: Id(2)] int MaxGapMinutes = 60);
