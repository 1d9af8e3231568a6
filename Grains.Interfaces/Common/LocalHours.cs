namespace Scheduler.Grains;

/// <summary>A range of local wall-clock time on one date.</summary>
/// <param name="Start">Local start time, <c>HH:mm</c>.</param>
/// <param name="End">Local end time, <c>HH:mm</c>.</param>
public sealed record LocalHours(string Start, string End);
