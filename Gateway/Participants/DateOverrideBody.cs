namespace Scheduler.Gateway.Participants;

/// <summary>Working hours that replace the weekly rules on one local date.</summary>
public sealed record DateOverrideBody
{
    /// <summary>The local date, <c>yyyy-MM-dd</c>.</summary>
    public string? Date { get; init; }

    /// <summary>The hours that day; empty means a day off.</summary>
    public IReadOnlyList<LocalHoursBody?>? Hours { get; init; }
}
