namespace Scheduler.Gateway.Common;

/// <summary>A weekly rule in the owner's local time (working hours, preferred times).</summary>
public sealed record WeeklyHoursBody
{
    /// <summary>Days: <c>Mon</c> … <c>Sun</c>; at least one.</summary>
    public IReadOnlyList<string>? Days { get; init; }

    /// <summary>Local start time <c>HH:mm</c>.</summary>
    public string? Start { get; init; }

    /// <summary>Local end time <c>HH:mm</c>; at or before start runs past midnight; <c>00:00</c>–<c>00:00</c> is the whole day.</summary>
    public string? End { get; init; }
}
