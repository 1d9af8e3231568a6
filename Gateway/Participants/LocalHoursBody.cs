namespace Scheduler.Gateway.Participants;

/// <summary>A range of local wall-clock time.</summary>
public sealed record LocalHoursBody
{
    /// <summary>Local start, <c>HH:mm</c>.</summary>
    public string? Start { get; init; }

    /// <summary>Local end, <c>HH:mm</c>.</summary>
    public string? End { get; init; }
}
